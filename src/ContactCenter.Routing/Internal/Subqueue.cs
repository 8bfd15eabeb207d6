namespace ContactCenter.Routing.Internal;

/// <summary>One escalation tier of a queue: its waiting interactions and the pool of agents that serve it.</summary>
internal sealed class Subqueue
{
    public Subqueue(QueueState queue, int tier, AgentPool pool)
    {
        Queue = queue;
        Tier = tier;
        Pool = pool;
        Waiting = new InteractionHeap(this);
    }

    public QueueState Queue { get; }

    public int Tier { get; }

    public AgentPool Pool { get; }

    public InteractionHeap Waiting { get; }

    /// <summary>The weight class of the pool this subqueue is listed in while non-empty.</summary>
    public SubqueueHeap? Class;

    public int ClassIndex = -1;
}
