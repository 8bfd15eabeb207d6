using ContactCenter.Core.Agents;

namespace ContactCenter;

/// <summary>What an agent is doing, as a supervisor counts it.</summary>
public enum AgentActivity
{
    /// <summary>Not logged in.</summary>
    Offline,

    /// <summary>Logged in, available, working on nothing.</summary>
    Available,

    /// <summary>Working on at least one connected interaction, or presence <see cref="AgentState.Busy"/>.</summary>
    Busy,

    /// <summary>Wrapping up (an interaction in wrap-up and none connected), or presence <see cref="AgentState.WrapUp"/>.</summary>
    WrapUp,

    /// <summary>On a break (presence <see cref="AgentState.Break"/>, also when set for missed offers).</summary>
    Away,
}

/// <summary>Live numbers of one queue.</summary>
/// <param name="Queue">The queue.</param>
/// <param name="Waiting">Interactions waiting in it (queued, or offered and not yet accepted).</param>
/// <param name="OldestWait">How long the longest-waiting of them has waited in this queue; zero when none waits.</param>
/// <param name="AgentsAvailable">Logged-in agents who can serve the queue (skills, tenant, language) and are <see cref="AgentActivity.Available"/>.</param>
/// <param name="AgentsBusy">Those of them who are <see cref="AgentActivity.Busy"/>.</param>
/// <param name="AgentsWrapUp">Those of them who are in <see cref="AgentActivity.WrapUp"/>.</param>
/// <param name="AgentsAway">Those of them who are <see cref="AgentActivity.Away"/>.</param>
public readonly record struct LiveQueueStatistics(
    QueueId Queue,
    int Waiting,
    TimeSpan OldestWait,
    int AgentsAvailable,
    int AgentsBusy,
    int AgentsWrapUp,
    int AgentsAway);

/// <summary>A configured queue and its live numbers.</summary>
/// <param name="Definition">The queue's configuration.</param>
/// <param name="Statistics">Its live numbers.</param>
public sealed record QueueOverview(QueueDefinition Definition, LiveQueueStatistics Statistics);

/// <summary>An agent and what they are doing now.</summary>
/// <param name="Definition">The agent's configuration (or the definition an unknown agent logged in with).</param>
/// <param name="State">Presence as last set (<see cref="AgentState.Offline"/> when not logged in).</param>
/// <param name="StateReason">The reason given with the last presence change, for example <c>lunch</c> or <c>missed-offers</c>.</param>
/// <param name="Activity">What a supervisor counts them as.</param>
/// <param name="Offers">Interactions offered to the agent and not yet accepted or declined.</param>
/// <param name="Interactions">Interactions the agent works on or wraps up.</param>
public sealed record AgentOverview(
    AgentDefinition Definition,
    AgentState State,
    string? StateReason,
    AgentActivity Activity,
    IReadOnlyList<InteractionId> Offers,
    IReadOnlyList<InteractionId> Interactions)
{
    /// <summary>The agent's id.</summary>
    public AgentId AgentId => Definition.Id;
}

/// <summary>
/// Something a supervisor watches that is not part of one interaction's history: an agent's presence, a service-level
/// breach. Live only (not stored); see <see cref="IContactCenter.SubscribeSupervisorAsync"/>.
/// </summary>
public abstract record SupervisorEvent
{
    /// <summary>When it happened, on the contact center's clock.</summary>
    public required DateTimeOffset Timestamp { get; init; }
}

/// <summary>An agent's presence changed: log-in, log-out, a change they made, or a break set for missed offers.</summary>
public sealed record AgentPresenceChangedEvent : SupervisorEvent
{
    /// <summary>The agent.</summary>
    public required AgentId Agent { get; init; }

    /// <summary>The presence before.</summary>
    public required AgentState From { get; init; }

    /// <summary>The presence now.</summary>
    public required AgentState To { get; init; }

    /// <summary>Why, for example <c>logged-in</c>, <c>logged-out</c>, <c>missed-offers</c> or the agent's reason code.</summary>
    public string? Reason { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"Agent {Agent} went from {From} to {To}{(Reason is null ? "" : $" ({Reason})")} at {Timestamp:O}.";
}

/// <summary>
/// An interaction has waited in its queue past the queue's <see cref="QueueDefinition.ServiceLevelTarget"/>
/// (counted from when it entered that queue; an offer does not stop the clock, an accept does). Raised once per
/// interaction and queue, at the moment the target passed (<see cref="SupervisorEvent.Timestamp"/> = entered + target).
/// </summary>
public sealed record ServiceLevelBreachedEvent : SupervisorEvent
{
    /// <summary>The interaction still waiting.</summary>
    public required InteractionId InteractionId { get; init; }

    /// <summary>The queue it waits in.</summary>
    public required QueueId Queue { get; init; }

    /// <summary>When it entered the queue.</summary>
    public required DateTimeOffset WaitingSince { get; init; }

    /// <summary>The queue's service-level target that passed.</summary>
    public required TimeSpan Target { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"Interaction {InteractionId} has waited in queue {Queue} longer than its service-level target of {Target.TotalSeconds:0.#} s (since {WaitingSince:O}).";
}
