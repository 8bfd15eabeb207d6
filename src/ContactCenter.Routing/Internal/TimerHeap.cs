namespace ContactCenter.Routing.Internal;

/// <summary>Something with a deadline in the engine's timer heap.</summary>
internal abstract class TimedItem
{
    public long Due = long.MaxValue;
    public int TimerIndex = -1;
}

/// <summary>Indexed binary min-heap of deadlines: set, move and cancel are O(log n), allocation-free once grown.</summary>
internal sealed class TimerHeap
{
    private TimedItem[] _items = new TimedItem[256];
    private int _count;

    public int Count => _count;

    public long PeekDue => _count == 0 ? long.MaxValue : _items[0].Due;

    public TimedItem Peek() => _items[0];

    /// <summary>Sets, moves or (with <see cref="long.MaxValue"/>) cancels the item's deadline.</summary>
    public void Set(TimedItem item, long due)
    {
        if (due == long.MaxValue)
        {
            if (item.TimerIndex >= 0)
            {
                RemoveAt(item.TimerIndex);
            }

            item.Due = long.MaxValue;
            return;
        }

        if (item.TimerIndex >= 0)
        {
            long old = item.Due;
            item.Due = due;
            if (due < old)
            {
                SiftUp(item.TimerIndex);
            }
            else if (due > old)
            {
                SiftDown(item.TimerIndex);
            }

            return;
        }

        if (_count == _items.Length)
        {
            Array.Resize(ref _items, _count * 2);
        }

        item.Due = due;
        _items[_count] = item;
        item.TimerIndex = _count;
        _count++;
        SiftUp(_count - 1);
    }

    private void RemoveAt(int index)
    {
        var removed = _items[index];
        _count--;
        if (index != _count)
        {
            var last = _items[_count];
            _items[index] = last;
            last.TimerIndex = index;
            _items[_count] = null!;
            SiftDown(index);
            SiftUp(last.TimerIndex);
        }
        else
        {
            _items[_count] = null!;
        }

        removed.TimerIndex = -1;
    }

    private void SiftUp(int i)
    {
        var item = _items[i];
        while (i > 0)
        {
            int parent = (i - 1) >> 1;
            var p = _items[parent];
            if (p.Due <= item.Due)
            {
                break;
            }

            _items[i] = p;
            p.TimerIndex = i;
            i = parent;
        }

        _items[i] = item;
        item.TimerIndex = i;
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

            if (child + 1 < _count && _items[child + 1].Due < _items[child].Due)
            {
                child++;
            }

            var c = _items[child];
            if (item.Due <= c.Due)
            {
                break;
            }

            _items[i] = c;
            c.TimerIndex = i;
            i = child;
        }

        _items[i] = item;
        item.TimerIndex = i;
    }
}
