namespace ContactCenter.Routing.Internal;

/// <summary>
/// A configured queue. Aging is folded into a constant key: with effective priority p + w / step, comparing two
/// interactions of the queue at any time is the same as comparing (enqueue time − p × step), so waiting
/// interactions never need re-sorting as time passes.
/// </summary>
internal sealed class QueueState(QueueSlot id)
{
    public QueueSlot Id { get; } = id;

    public QueueOptions Options = null!;
    public TenantSlot Tenant;
    public RoutingMedia Media;
    public long PriorityStepTicks;
    public double Weight;
    public long ServiceLevelTicks;
    public long WrapUpTicks;
    public long OfferTimeoutTicks;
    public int MaxLength;
    public int DefaultPriority;
    public QueueFallback WhenFull;
    public QueueFallback WhenNoAgents;
    public QueueSlot? OverflowQueue;
    public long AverageHandleTicks;
    public Subqueue[] Tiers = [];
    public CompiledStep[] Steps = [];

    public int Waiting;
    public long Answered;
    public long AnsweredWithinTarget;
    public long Abandoned;
    public long Rejected;

    /// <summary>Exponentially weighted average interval between assignments from this queue, for wait estimates.</summary>
    public double AssignIntervalTicks;
    public long LastAssignTicks = long.MinValue;

    public int LoggedIn
    {
        get
        {
            int n = 0;
            foreach (var t in Tiers)
            {
                n += t.Pool.LoggedIn;
            }

            return n;
        }
    }
}

/// <summary>An escalation step in engine units.</summary>
internal readonly record struct CompiledStep(long AfterWaitTicks, int QueueLengthAtLeast, QueueSlot? OverflowTo);
