namespace ContactCenter.Routing.Internal;

internal enum CommandKind : byte
{
    None,
    Enqueue,
    Decline,
    Complete,
    EndWrapUp,
    SetPresence,
    Tick,
}

/// <summary>A command in the ring: a plain struct, so posting one allocates nothing.</summary>
internal struct Command
{
    public CommandKind Kind;
    public bool HasPreferred;
    public int Int1;
    public int Int2;
    public int Int3;
    public long Id;
    public long Ticks1;
    public long Ticks2;
    public object? Payload;
}
