namespace ContactCenter.Routing.Internal;

internal enum NodeState : byte
{
    Free,
    Waiting,
    Offered,
    Connected,
    WrapUp,
}

/// <summary>One routed interaction. Pooled: nodes are reused, so steady-state routing allocates nothing.</summary>
internal sealed class InteractionNode : TimedItem
{
    public InteractionSlot Id;
    public NodeState State;
    public QueueState Queue = null!;
    public int Tier;
    public int NextStep;
    public int Priority;
    public long EnqueuedTicks;

    /// <summary>Virtual arrival time: enqueue time minus priority × the queue's priority step. Lower is served first.</summary>
    public long Key;
    public long Sequence;

    public InteractionHeap? Heap;
    public long HeapStamp;

    public AgentRecord? PreferredAgent;
    public long PreferredUntil = long.MaxValue;
    public long NextEscalationDue = long.MaxValue;
    public AgentRecord? Excluded;
    public long ExcludedUntil;

    public OfferNode? Offers;
    public int LiveOffers;
    public AgentRecord? Agent;
    public long ConnectedTicks;

    public RoutingMedia Media => Queue.Media;

    public void Reset()
    {
        State = NodeState.Free;
        Queue = null!;
        Heap = null;
        HeapStamp = 0;
        PreferredAgent = null;
        PreferredUntil = long.MaxValue;
        NextEscalationDue = long.MaxValue;
        Excluded = null;
        ExcludedUntil = 0;
        Offers = null;
        LiveOffers = 0;
        Agent = null;
        Tier = 0;
        NextStep = 0;
    }
}
