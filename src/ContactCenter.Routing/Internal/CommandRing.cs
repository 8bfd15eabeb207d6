using System.Runtime.InteropServices;

namespace ContactCenter.Routing.Internal;

/// <summary>
/// Bounded multi-producer, single-consumer ring of commands (Vyukov's sequence-per-slot design). Producers
/// claim a slot with one CAS on the tail and publish it by writing the slot's sequence; the single consumer
/// (whoever currently runs the matching loop) reads without atomics. No locks, no allocation.
/// </summary>
internal sealed class CommandRing
{
    private readonly Slot[] _slots;
    private readonly int _mask;
    private Positions _pos;

    public CommandRing(int capacity)
    {
        _slots = new Slot[capacity];
        _mask = capacity - 1;
        for (int i = 0; i < capacity; i++)
        {
            _slots[i].Sequence = i;
        }
    }

    public bool TryWrite(in Command command)
    {
        if (!TryClaim(out long pos))
        {
            return false;
        }

        Publish(pos, command);
        return true;
    }

    /// <summary>Claims the next slot (one CAS on the tail); it must then be <see cref="Publish"/>ed.</summary>
    public bool TryClaim(out long pos)
    {
        var spin = default(SpinWait);
        while (true)
        {
            pos = Volatile.Read(ref _pos.Tail);
            long diff = Volatile.Read(ref _slots[pos & _mask].Sequence) - pos;
            if (diff == 0)
            {
                if (Interlocked.CompareExchange(ref _pos.Tail, pos + 1, pos) == pos)
                {
                    return true;
                }
            }
            else if (diff < 0)
            {
                return false;
            }

            spin.SpinOnce(-1);
        }
    }

    /// <summary>Makes a claimed slot visible to the consumer.</summary>
    public void Publish(long pos, in Command command)
    {
        ref var slot = ref _slots[pos & _mask];
        slot.Command = command;
        Volatile.Write(ref slot.Sequence, pos + 1);
    }

    /// <summary>The position after the last claimed slot: every command claimed so far lies before it.</summary>
    public long Claimed => Volatile.Read(ref _pos.Tail);

    /// <summary>
    /// Consumer only: reads the next command if it lies before <paramref name="claimed"/>, waiting for a
    /// producer that claimed its slot but has not published it yet (a few instructions, unless it was
    /// preempted). Commands claimed before <paramref name="claimed"/> are thus never skipped.
    /// </summary>
    public bool TryReadBefore(long claimed, out Command command)
    {
        if (_pos.Head >= claimed)
        {
            command = default;
            return false;
        }

        var spin = default(SpinWait);
        while (!TryRead(out command))
        {
            spin.SpinOnce(sleep1Threshold: -1);
        }

        return true;
    }

    /// <summary>Consumer only.</summary>
    public bool TryRead(out Command command)
    {
        long pos = _pos.Head;
        ref var slot = ref _slots[pos & _mask];
        if (Volatile.Read(ref slot.Sequence) != pos + 1)
        {
            command = default;
            return false;
        }

        command = slot.Command;
        slot.Command = default;
        Volatile.Write(ref slot.Sequence, pos + _slots.Length);
        _pos.Head = pos + 1;
        return true;
    }

    /// <summary>Whether a published command is waiting (any thread; used after releasing the loop).</summary>
    public bool HasPending
    {
        get
        {
            long pos = Volatile.Read(ref _pos.Head);
            return Volatile.Read(ref _slots[pos & _mask].Sequence) == pos + 1;
        }
    }

    private struct Slot
    {
        public long Sequence;
        public Command Command;
    }

    // Head and tail on separate cache lines: producers hammer the tail, the consumer owns the head.
    [StructLayout(LayoutKind.Explicit, Size = 192)]
    private struct Positions
    {
        [FieldOffset(64)]
        public long Tail;

        [FieldOffset(128)]
        public long Head;
    }
}
