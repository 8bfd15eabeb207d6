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
        var spin = default(SpinWait);
        while (true)
        {
            long pos = Volatile.Read(ref _pos.Tail);
            ref var slot = ref _slots[pos & _mask];
            long diff = Volatile.Read(ref slot.Sequence) - pos;
            if (diff == 0)
            {
                if (Interlocked.CompareExchange(ref _pos.Tail, pos + 1, pos) == pos)
                {
                    slot.Command = command;
                    Volatile.Write(ref slot.Sequence, pos + 1);
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
