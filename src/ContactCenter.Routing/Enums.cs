namespace ContactCenter.Routing;

/// <summary>The medium of an interaction as the routing core counts it (agent capacity is per medium). Named apart from
/// the contact center's <c>ContactCenter.MediaType</c>; hosts map between the two by name, never by number.</summary>
public enum RoutingMedia
{
    /// <summary>A phone call.</summary>
    Voice = 0,

    /// <summary>A chat or messenger conversation.</summary>
    Chat = 1,

    /// <summary>An email thread.</summary>
    Email = 2,

    /// <summary>Back-office work (a case, a callback to make).</summary>
    Task = 3,
}

/// <summary>What the agent (or the supervisor) has said about being reachable.</summary>
public enum AgentPresence
{
    /// <summary>Not logged in: receives nothing and does not count as staffing a queue.</summary>
    Offline = 0,

    /// <summary>Logged in and ready for offers.</summary>
    Available = 1,

    /// <summary>Logged in, on a break (the reason is kept); receives no offers.</summary>
    Break = 2,

    /// <summary>Set by the engine after too many missed offers; receives no offers until set available again.</summary>
    Away = 3,
}

/// <summary>The agent's state as the engine sees it: presence combined with the work it holds.</summary>
public enum AgentStatus
{
    /// <summary>Not logged in.</summary>
    Offline = 0,

    /// <summary>Available and holding no work.</summary>
    Available = 1,

    /// <summary>Available and holding offered or connected work (it may still have capacity for more).</summary>
    Busy = 2,

    /// <summary>Available, no connected work, but still in wrap-up of finished work.</summary>
    WrapUp = 3,

    /// <summary>On a break.</summary>
    Break = 4,

    /// <summary>Marked away after missed offers.</summary>
    Away = 5,
}

/// <summary>What a queue does with a new interaction it cannot or should not hold.</summary>
public enum QueueFallback
{
    /// <summary>Keep it waiting (valid only when no agent is logged in, not when the queue is full).</summary>
    Wait = 0,

    /// <summary>Do not queue it; the host tells the customer.</summary>
    Reject = 1,

    /// <summary>Move it to the queue's <see cref="QueueOptions.OverflowQueue"/>.</summary>
    Overflow = 2,

    /// <summary>Do not queue it; the host offers the customer a callback.</summary>
    OfferCallback = 3,
}

/// <summary>How the priority of a waiting interaction grows with its waiting time.</summary>
public enum AgingRule
{
    /// <summary>
    /// Effective priority = priority + waited / <see cref="QueueOptions.PriorityStep"/>: one priority point is
    /// worth <see cref="QueueOptions.PriorityStep"/> of waiting, so a long wait overtakes a higher priority.
    /// </summary>
    Linear = 0,

    /// <summary>Strict priority: higher priority always first; first come, first served within a priority.</summary>
    None = 1,
}

/// <summary>Why a new interaction was not queued.</summary>
public enum RejectReason
{
    /// <summary>The queue id is not configured.</summary>
    UnknownQueue = 0,

    /// <summary>An interaction with this id is already being routed.</summary>
    DuplicateInteraction = 1,

    /// <summary>The queue reached <see cref="QueueOptions.MaxLength"/>.</summary>
    QueueFull = 2,

    /// <summary>No eligible agent is logged in.</summary>
    NoAgentsLoggedIn = 3,

    /// <summary>Overflow rules formed a cycle or chain longer than eight queues.</summary>
    OverflowLoop = 4,
}

/// <summary>Which rule produced an offer.</summary>
public enum RoutingRule
{
    /// <summary>A new (or returned, or escalated) interaction found the best available agent.</summary>
    BestAgentForInteraction = 0,

    /// <summary>An agent with free capacity took the best waiting interaction across its queues.</summary>
    BestInteractionForAgent = 1,

    /// <summary>The interaction went to its preferred (or last) agent.</summary>
    PreferredAgent = 2,
}

/// <summary>Why an offer ended without being accepted.</summary>
public enum OfferEndReason
{
    /// <summary>The agent declined.</summary>
    Declined = 0,

    /// <summary>The offer timed out.</summary>
    TimedOut = 1,

    /// <summary>Another agent accepted first (ring-all).</summary>
    TakenByAnother = 2,

    /// <summary>The interaction was cancelled or abandoned.</summary>
    Cancelled = 3,

    /// <summary>The agent logged off or was removed.</summary>
    AgentLeft = 4,
}

/// <summary>Why an interaction moved to another queue.</summary>
public enum MoveReason
{
    /// <summary>Its queue was full.</summary>
    QueueFull = 0,

    /// <summary>No agent was logged in to its queue.</summary>
    NoAgentsLoggedIn = 1,

    /// <summary>An escalation step moved it.</summary>
    Escalation = 2,
}
