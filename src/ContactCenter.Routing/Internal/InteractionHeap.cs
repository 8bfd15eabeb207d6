namespace ContactCenter.Routing.Internal;

/// <summary>
/// Binary min-heap of waiting interactions ordered by (virtual arrival time, sequence): the head is the
/// interaction to serve next. Keys never change while an interaction waits (aging is folded into the key, see
/// <see cref="QueueState"/>). Removal is lazy: the node is marked and its entry is dropped when it reaches the
/// top (or at compaction), so sifting compares inline keys and never touches node objects — with 500,000
/// waiting interactions each avoided pointer chase is a cache miss saved. Insert and remove are O(log n)
/// amortised, peek O(1) amortised.
/// </summary>
internal sealed class InteractionHeap(Subqueue? owner)
{
    private Entry[] _entries = new Entry[16];
    private int _physical;
    private int _count;
    private long _stamps;

    public Subqueue? Owner { get; } = owner;

    /// <summary>Live (not removed) interactions.</summary>
    public int Count => _count;

    /// <summary>The live head. Only valid when <see cref="Count"/> &gt; 0.</summary>
    public InteractionNode Head
    {
        get
        {
            DropStaleTop();
            return _entries[0].Node;
        }
    }

    public bool Contains(InteractionNode node) => node.Heap == this;

    public void Insert(InteractionNode node)
    {
        if (_physical == _entries.Length)
        {
            if (_physical - _count > _count)
            {
                Compact();
            }

            if (_physical == _entries.Length)
            {
                Array.Resize(ref _entries, _physical * 2);
            }
        }

        node.HeapStamp = ++_stamps;
        node.Heap = this;
        _entries[_physical] = new Entry(node.Key, node.Sequence, node.HeapStamp, node);
        _physical++;
        _count++;
        SiftUp(_physical - 1);
    }

    public void Remove(InteractionNode node)
    {
        node.Heap = null;
        node.HeapStamp = 0;
        _count--;
        if (_count == 0)
        {
            Array.Clear(_entries, 0, _physical);
            _physical = 0;
        }
    }

    /// <summary>
    /// The best live interaction not excluded by <paramref name="skip"/> among the head and the next few
    /// entries of the heap (the head's subtree to depth 2), or null. Used when the head declined this agent.
    /// </summary>
    public InteractionNode? BestNear(Func<InteractionNode, bool> skip)
    {
        DropStaleTop();
        InteractionNode? best = null;
        int bestIndex = -1;
        for (int i = 0; i < 7 && i < _physical; i++)
        {
            ref var e = ref _entries[i];
            if (!IsLive(e) || skip(e.Node))
            {
                continue;
            }

            if (best is null || Less(e, _entries[bestIndex]))
            {
                best = e.Node;
                bestIndex = i;
            }
        }

        return best;
    }

    /// <summary>Counts the live entries that come before the given key and sequence (O(n): for announcements only).</summary>
    public int CountBefore(long key, long sequence)
    {
        int n = 0;
        for (int i = 0; i < _physical; i++)
        {
            ref var e = ref _entries[i];
            if (IsLive(e) && (e.Key < key || (e.Key == key && e.Sequence < sequence)))
            {
                n++;
            }
        }

        return n;
    }

    private bool IsLive(in Entry e) => e.Node.Heap == this && e.Node.HeapStamp == e.Stamp;

    private void DropStaleTop()
    {
        while (_physical > 0 && !IsLive(_entries[0]))
        {
            _physical--;
            _entries[0] = _entries[_physical];
            _entries[_physical] = default;
            if (_physical > 0)
            {
                SiftDown(0);
            }
        }
    }

    private void Compact()
    {
        int j = 0;
        for (int i = 0; i < _physical; i++)
        {
            if (IsLive(_entries[i]))
            {
                _entries[j++] = _entries[i];
            }
        }

        Array.Clear(_entries, j, _physical - j);
        _physical = j;
        for (int i = (_physical / 2) - 1; i >= 0; i--)
        {
            SiftDown(i);
        }
    }

    private static bool Less(in Entry a, in Entry b) => a.Key < b.Key || (a.Key == b.Key && a.Sequence < b.Sequence);

    private void SiftUp(int i)
    {
        var item = _entries[i];
        while (i > 0)
        {
            int parent = (i - 1) >> 1;
            if (!Less(item, _entries[parent]))
            {
                break;
            }

            _entries[i] = _entries[parent];
            i = parent;
        }

        _entries[i] = item;
    }

    private void SiftDown(int i)
    {
        var item = _entries[i];
        while (true)
        {
            int child = (i << 1) + 1;
            if (child >= _physical)
            {
                break;
            }

            if (child + 1 < _physical && Less(_entries[child + 1], _entries[child]))
            {
                child++;
            }

            if (!Less(_entries[child], item))
            {
                break;
            }

            _entries[i] = _entries[child];
            i = child;
        }

        _entries[i] = item;
    }

    private readonly record struct Entry(long Key, long Sequence, long Stamp, InteractionNode Node);
}
