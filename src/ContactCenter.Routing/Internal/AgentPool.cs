namespace ContactCenter.Routing.Internal;

/// <summary>
/// The agents eligible for one requirement set (tenant, medium, language, skills with levels, strategy).
/// Queues (and escalation tiers) with identical requirements share a pool. Every eligible agent has a dense
/// pool-local slot; the available ones sit in a 4-ary min-heap of (primary, secondary, slot) ordered by the
/// strategy's key. Heap entries hold no references and positions live in a dense int array, so a sift touches
/// only the heap and that array — no agent objects — which keeps it cache-friendly at 15,000 agents.
/// Its weight classes order the pool's non-empty subqueues by their heads.
/// </summary>
internal sealed class AgentPool(Requirements requirements, AgentSelectionStrategy strategy)
{
    private Entry[] _heap = new Entry[16];
    private int _count;
    private AgentRecord[] _members = new AgentRecord[16];
    private int[] _position = new int[16];
    private SubqueueHeap[] _classes = new SubqueueHeap[2];
    private int _classCount;
    private int _nonEmptyCount;

    public Requirements Requirements { get; } = requirements;

    public AgentSelectionStrategy Strategy { get; } = strategy;

    public RoutingMedia Media => Requirements.Media;

    /// <summary>Eligible agents that are logged in (any presence but offline).</summary>
    public int LoggedIn;

    /// <summary>Slots handed out (eligible agents, including ones that left; slots are not reused).</summary>
    public int Members;

    public int AvailableCount => _count;

    public int NonEmptyCount => _nonEmptyCount;

    public int ClassCount => _classCount;

    public SubqueueHeap Class(int index) => _classes[index];

    public AgentRecord AgentAt(int heapIndex) => _members[_heap[heapIndex].Slot];

    public double ScoreAt(int heapIndex) => -(double)_heap[heapIndex].Primary;

    public bool IsAvailable(int slot) => _position[slot] >= 0;

    /// <summary>Gives the agent a slot in this pool (not yet available).</summary>
    public int Join(AgentRecord agent)
    {
        if (Members == _members.Length)
        {
            Array.Resize(ref _members, Members * 2);
            Array.Resize(ref _position, Members * 2);
        }

        _members[Members] = agent;
        _position[Members] = -1;
        return Members++;
    }

    /// <summary>Frees the agent's slot for good (the agent is removed or re-defined).</summary>
    public void Leave(int slot)
    {
        Remove(slot);
        _members[slot] = null!;
    }

    /// <summary>A subqueue became non-empty.</summary>
    public void AddNonEmpty(Subqueue sq)
    {
        SubqueueHeap? cls = null;
        for (int i = 0; i < _classCount; i++)
        {
            if (_classes[i].Weight == sq.Queue.Weight)
            {
                cls = _classes[i];
                break;
            }
        }

        if (cls is null)
        {
            if (_classCount == _classes.Length)
            {
                Array.Resize(ref _classes, _classCount * 2);
            }

            cls = _classes[_classCount++] = new SubqueueHeap(sq.Queue.Weight);
        }

        sq.Class = cls;
        cls.Add(sq);
        _nonEmptyCount++;
    }

    /// <summary>A subqueue became empty.</summary>
    public void RemoveNonEmpty(Subqueue sq)
    {
        sq.Class!.Remove(sq);
        sq.Class = null;
        _nonEmptyCount--;
    }

    /// <summary>Puts the agent's slot in the heap or moves it to its new key.</summary>
    public void Upsert(int slot, long primary, long secondary)
    {
        int i = _position[slot];
        var entry = new Entry(primary, secondary, slot);
        if (i >= 0)
        {
            ref var e = ref _heap[i];
            if (e.Primary == primary && e.Secondary == secondary)
            {
                return;
            }

            bool up = Less(entry, e);
            e = entry;
            if (up)
            {
                SiftUp(i);
            }
            else
            {
                SiftDown(i);
            }

            return;
        }

        if (_count == _heap.Length)
        {
            Array.Resize(ref _heap, _count * 2);
        }

        _heap[_count] = entry;
        _position[slot] = _count;
        _count++;
        SiftUp(_count - 1);
    }

    public void Remove(int slot)
    {
        int index = _position[slot];
        if (index < 0)
        {
            return;
        }

        _count--;
        if (index != _count)
        {
            var moved = _heap[_count];
            _heap[index] = moved;
            _position[moved.Slot] = index;
            SiftDown(index);
            SiftUp(_position[moved.Slot]);
        }

        _position[slot] = -1;
    }

    /// <summary>
    /// Writes the heap indices of the best <paramref name="result"/>.Length available agents (best first),
    /// skipping <paramref name="exclude"/>, into <paramref name="result"/>; returns how many. O(k log k).
    /// </summary>
    public int Best(Span<int> result, AgentRecord? exclude, Span<int> frontier)
    {
        if (_count == 0 || result.Length == 0)
        {
            return 0;
        }

        if (result.Length == 1 && (exclude is null || _members[_heap[0].Slot] != exclude))
        {
            result[0] = 0;
            return 1;
        }

        // Best-first walk of the heap: the frontier holds candidates whose parents were taken.
        int found = 0, f = 0;
        frontier[f++] = 0;
        while (f > 0 && found < result.Length)
        {
            int bi = 0;
            for (int j = 1; j < f; j++)
            {
                if (Less(_heap[frontier[j]], _heap[frontier[bi]]))
                {
                    bi = j;
                }
            }

            int idx = frontier[bi];
            frontier[bi] = frontier[--f];
            if (_members[_heap[idx].Slot] != exclude)
            {
                result[found++] = idx;
            }

            int c = (idx << 2) + 1;
            for (int k = 0; k < 4 && c + k < _count && f < frontier.Length; k++)
            {
                frontier[f++] = c + k;
            }
        }

        return found;
    }

    /// <summary>The best score other than the one at <paramref name="takenIndex"/> (the runner-up), or NaN.</summary>
    public double RunnerUpScore(int takenIndex)
    {
        if (takenIndex != 0)
        {
            return ScoreAt(0);
        }

        if (_count <= 1)
        {
            return double.NaN;
        }

        int best = 1;
        for (int c = 2; c <= 4 && c < _count; c++)
        {
            if (Less(_heap[c], _heap[best]))
            {
                best = c;
            }
        }

        return ScoreAt(best);
    }

    private static bool Less(in Entry a, in Entry b) =>
        a.Primary < b.Primary || (a.Primary == b.Primary && (a.Secondary < b.Secondary || (a.Secondary == b.Secondary && a.Slot < b.Slot)));

    private void SiftUp(int i)
    {
        var item = _heap[i];
        while (i > 0)
        {
            int parent = (i - 1) >> 2;
            var p = _heap[parent];
            if (!Less(item, p))
            {
                break;
            }

            _heap[i] = p;
            _position[p.Slot] = i;
            i = parent;
        }

        _heap[i] = item;
        _position[item.Slot] = i;
    }

    private void SiftDown(int i)
    {
        var item = _heap[i];
        while (true)
        {
            int first = (i << 2) + 1;
            if (first >= _count)
            {
                break;
            }

            int best = first;
            int last = Math.Min(first + 4, _count);
            for (int c = first + 1; c < last; c++)
            {
                if (Less(_heap[c], _heap[best]))
                {
                    best = c;
                }
            }

            if (!Less(_heap[best], item))
            {
                break;
            }

            _heap[i] = _heap[best];
            _position[_heap[i].Slot] = i;
            i = best;
        }

        _heap[i] = item;
        _position[item.Slot] = i;
    }

    private readonly record struct Entry(long Primary, long Secondary, int Slot);
}
