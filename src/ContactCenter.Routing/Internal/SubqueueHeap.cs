namespace ContactCenter.Routing.Internal;

/// <summary>
/// The non-empty subqueues of one pool that share a queue weight, ordered by their head's (key, sequence).
/// With equal weights, weight × (now − key) is largest for the smallest key at any time, so this order never
/// needs refreshing as time passes: the agent-freed path reads the best head of each weight class in O(1)
/// and a head change costs O(log q). Entries cache the head's key so sifting touches no other object.
/// </summary>
internal sealed class SubqueueHeap(double weight)
{
    private Entry[] _items = new Entry[4];
    private int _count;

    public double Weight { get; } = weight;

    public int Count => _count;

    public Subqueue Top => _items[0].Subqueue;

    public void Add(Subqueue sq)
    {
        if (_count == _items.Length)
        {
            Array.Resize(ref _items, _count * 2);
        }

        var head = sq.Waiting.Head;
        _items[_count] = new Entry(head.Key, head.Sequence, sq);
        sq.ClassIndex = _count;
        _count++;
        SiftUp(_count - 1);
    }

    public void Remove(Subqueue sq)
    {
        int index = sq.ClassIndex;
        _count--;
        if (index != _count)
        {
            var moved = _items[_count];
            _items[index] = moved;
            moved.Subqueue.ClassIndex = index;
            _items[_count] = default;
            SiftDown(index);
            SiftUp(moved.Subqueue.ClassIndex);
        }
        else
        {
            _items[_count] = default;
        }

        sq.ClassIndex = -1;
    }

    /// <summary>The subqueue's head changed.</summary>
    public void Update(Subqueue sq)
    {
        int i = sq.ClassIndex;
        var head = sq.Waiting.Head;
        var old = _items[i];
        _items[i] = new Entry(head.Key, head.Sequence, sq);
        if (head.Key < old.Key || (head.Key == old.Key && head.Sequence < old.Sequence))
        {
            SiftUp(i);
        }
        else
        {
            SiftDown(i);
        }
    }

    private static bool Less(in Entry a, in Entry b) => a.Key < b.Key || (a.Key == b.Key && a.Sequence < b.Sequence);

    private void SiftUp(int i)
    {
        var item = _items[i];
        while (i > 0)
        {
            int parent = (i - 1) >> 1;
            if (!Less(item, _items[parent]))
            {
                break;
            }

            _items[i] = _items[parent];
            _items[i].Subqueue.ClassIndex = i;
            i = parent;
        }

        _items[i] = item;
        item.Subqueue.ClassIndex = i;
    }

    private void SiftDown(int i)
    {
        var item = _items[i];
        while (true)
        {
            int child = (i << 1) + 1;
            if (child >= _count)
            {
                break;
            }

            if (child + 1 < _count && Less(_items[child + 1], _items[child]))
            {
                child++;
            }

            if (!Less(_items[child], item))
            {
                break;
            }

            _items[i] = _items[child];
            _items[i].Subqueue.ClassIndex = i;
            i = child;
        }

        _items[i] = item;
        item.Subqueue.ClassIndex = i;
    }

    private readonly record struct Entry(long Key, long Sequence, Subqueue Subqueue);
}
