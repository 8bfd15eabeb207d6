using ContactCenter.Channels;
using ContactCenter.Core.Agents;

namespace ContactCenter;

/// <summary>
/// The running contact center, as host code, a supervisor and the agent workspace see it. Every method is
/// thread-safe; every method that changes something completes when the change is durable. Connectors hand traffic to
/// an <see cref="IInboundSink"/> and flows work through <see cref="Core.IFlowContactCenter"/>; neither is host code's business.
/// </summary>
public interface IContactCenter
{
    /// <summary>Logs an agent in (offline → available unless <paramref name="initialState"/> says otherwise).</summary>
    /// <exception cref="ContactCenterException">The agent is unknown and unknown agents are not allowed, or is already logged in.</exception>
    Task<AgentSession> LogInAsync(AgentId agent, AgentState initialState = AgentState.Available, CancellationToken cancellationToken = default);

    /// <summary>
    /// Logs an agent in, or with <see cref="AgentLogInOptions.TakeOver"/> takes over the live session of an agent who is
    /// already logged in (the host lost its <see cref="AgentSession"/>): same presence, offers and assigned work.
    /// </summary>
    /// <exception cref="ContactCenterException">The agent is unknown and unknown agents are not allowed, or is already logged in and <see cref="AgentLogInOptions.TakeOver"/> is off.</exception>
    Task<AgentSession> LogInAsync(AgentId agent, AgentLogInOptions options, CancellationToken cancellationToken = default);

    /// <summary>Every configured queue with its live numbers, in configuration order.</summary>
    Task<IReadOnlyList<QueueOverview>> GetQueuesAsync(CancellationToken cancellationToken = default);

    /// <summary>One queue's live numbers.</summary>
    /// <exception cref="ContactCenterException">The queue is not configured.</exception>
    Task<LiveQueueStatistics> GetQueueStatisticsAsync(QueueId queue, CancellationToken cancellationToken = default);

    /// <summary>Every agent known (configured, or logged in as an unknown agent) with presence, offers and work, ordered by id.</summary>
    Task<IReadOnlyList<AgentOverview>> GetAgentsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// What a supervisor watches beyond the timeline, from this call on, until cancelled: agents' presence changes
    /// (<see cref="AgentPresenceChangedEvent"/>) and interactions waiting past their queue's service-level target
    /// (<see cref="ServiceLevelBreachedEvent"/>). Live only, not stored. Same rules as <see cref="SubscribeAsync"/>.
    /// </summary>
    IAsyncEnumerable<SupervisorEvent> SubscribeSupervisorAsync(CancellationToken cancellationToken = default);

    /// <summary>The interaction, or <see langword="null"/>.</summary>
    Task<Interaction?> GetInteractionAsync(InteractionId interaction, CancellationToken cancellationToken = default);

    /// <summary>The interaction's timeline, oldest first.</summary>
    Task<IReadOnlyList<TimelineEvent>> GetTimelineAsync(InteractionId interaction, CancellationToken cancellationToken = default);

    /// <summary>The customer an identity belongs to, following merges to the surviving customer.</summary>
    Task<CustomerId?> FindCustomerAsync(CustomerIdentity identity, CancellationToken cancellationToken = default);

    /// <summary>A customer's whole history across channels, including customers merged into it.</summary>
    Task<CustomerHistory> GetCustomerHistoryAsync(CustomerId customer, CancellationToken cancellationToken = default);

    /// <summary>Links an identity to a customer (moving it from its previous owner), with an audit event.</summary>
    Task LinkIdentityAsync(CustomerId customer, CustomerIdentity identity, string? actor = null, CancellationToken cancellationToken = default);

    /// <summary>Merges <paramref name="absorbed"/> into <paramref name="survivor"/>: one history from now on, with an audit event. Reversible.</summary>
    Task MergeCustomersAsync(CustomerId survivor, CustomerId absorbed, string? actor = null, CancellationToken cancellationToken = default);

    /// <summary>Undoes a merge: <paramref name="absorbed"/> and its own interactions stand on their own again.</summary>
    Task UnmergeCustomerAsync(CustomerId absorbed, string? actor = null, CancellationToken cancellationToken = default);

    /// <summary>Starts an interaction from the contact center's side (outbound, callback, API task) and routes it.</summary>
    /// <exception cref="ContactCenterException">The queue or the previous interaction does not exist.</exception>
    Task<Interaction> StartInteractionAsync(NewInteraction request, CancellationToken cancellationToken = default);

    /// <summary>Links two interactions as related (both ways), for example a chat and the call that followed it.</summary>
    Task LinkInteractionsAsync(InteractionId interaction, InteractionId related, CancellationToken cancellationToken = default);

    /// <summary>Links a case to an interaction (many-to-many).</summary>
    Task LinkCaseAsync(InteractionId interaction, CaseId caseId, CancellationToken cancellationToken = default);

    /// <summary>Unlinks a case from an interaction.</summary>
    Task UnlinkCaseAsync(InteractionId interaction, CaseId caseId, CancellationToken cancellationToken = default);

    /// <summary>Sets (or with <see langword="null"/> removes) a custom attribute on an interaction.</summary>
    Task SetAttributeAsync(InteractionId interaction, string key, string? value, CancellationToken cancellationToken = default);

    /// <summary>Closes an interaction (a flow answered it, or host code ends it).</summary>
    Task CloseAsync(InteractionId interaction, string reason, CancellationToken cancellationToken = default);

    /// <summary>Where a waiting interaction stands in its queue, or <see langword="null"/>.</summary>
    QueuePosition? GetQueuePosition(InteractionId interaction);

    /// <summary>
    /// Every timeline event as it becomes durable, from this call on (the feed is registered before this method
    /// returns, so nothing committed afterwards is missed), until cancelled. Enumerate it once; disposing the
    /// enumerator ends the subscription. A slow reader loses the oldest events beyond 10,000.
    /// </summary>
    IAsyncEnumerable<TimelineEvent> SubscribeAsync(CancellationToken cancellationToken = default);

    /// <summary>Live counts.</summary>
    ContactCenterStatistics GetStatistics();
}
