namespace ContactCenter.Routing;

/// <summary>A new interaction to route.</summary>
public readonly record struct InteractionRequest
{
    /// <summary>Creates a request for a queue.</summary>
    /// <param name="interaction">The interaction's id, unique among live interactions.</param>
    /// <param name="queue">The queue.</param>
    public InteractionRequest(InteractionSlot interaction, QueueSlot queue)
    {
        Interaction = interaction;
        Queue = queue;
    }

    /// <summary>The interaction's id.</summary>
    public InteractionSlot Interaction { get; init; }

    /// <summary>The queue it waits in. The queue's tenant and medium apply.</summary>
    public QueueSlot Queue { get; init; }

    /// <summary>Priority 0–1000 (e.g. VIP), or <see langword="null"/> for the queue's default.</summary>
    public int? Priority { get; init; }

    /// <summary>An agent to offer it to first (preferred or last agent); must be of the queue's tenant.</summary>
    public AgentSlot? PreferredAgent { get; init; }

    /// <summary>How long to wait for <see cref="PreferredAgent"/> before any eligible agent may take it. Default 30 s when a preferred agent is set.</summary>
    public TimeSpan? PreferredAgentTimeout { get; init; }

    /// <summary>How long the interaction already waited elsewhere (e.g. re-queued after a restart); keeps its place. Default zero.</summary>
    public TimeSpan AlreadyWaited { get; init; }
}
