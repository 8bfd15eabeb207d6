using ContactCenter.Channels;
using ContactCenter.Core.Agents;
using ContactCenter.Core.Routing;
using ContactCenter.Storage;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Core.Hub;

/// <summary>
/// The runtime's centre, composed of parts with one responsibility each: the <see cref="InteractionLoop"/> (batch,
/// commit, after-commit; the single writer of its <see cref="ActiveInteractions"/>), <see cref="OutboundDelivery"/>
/// (sends with retries) and the feeds (<see cref="EventFeed{T}"/>). What remains here is the domain: one partial file
/// per interface it implements — <see cref="IContactCenter"/> for host code, <see cref="IFlowContactCenter"/> for flows,
/// <see cref="IInboundSink"/> for connectors, <see cref="IAgentOperations"/> for agent sessions,
/// <see cref="IRoutingListener"/> for the router.
/// </summary>
internal sealed partial class InteractionHub : IFlowContactCenter, IInboundSink, IRoutingListener, IAgentOperations, IAsyncDisposable
{
    private readonly ContactCenterOptions _options;
    private readonly IInteractionStore _store;
    private readonly IInteractionRouter _router;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly IFlowLauncher? _flows;
    private readonly Dictionary<QueueId, QueueDefinition> _queues;
    private readonly HashSet<string> _wrapUpCodes;
    private readonly CancellationTokenSource _stopping = new();
    private readonly InteractionLoop _loop;
    private readonly ActiveInteractions _active;
    private readonly OutboundDelivery _delivery;
    private readonly EventFeed<TimelineEvent> _timeline = new();
    private readonly EventFeed<SupervisorEvent> _supervisor = new();

    // Loop-owned: one service-level timer per waiting interaction (see InteractionHub.ContactCenter.Supervision.cs).
    private readonly Dictionary<InteractionId, (ITimer Timer, DateTimeOffset Since)> _serviceLevelTimers = [];

    // Loop-owned state: touched only by commands running on the hub loop.
    private readonly Dictionary<CustomerIdentity, CustomerId> _identities = [];
    private readonly Dictionary<AgentId, AgentRuntime> _agents = [];
    private readonly Dictionary<string, string?> _checkpoints = new(StringComparer.Ordinal);

    // Counters read by GetStatistics from any thread.
    private long _messagesIn;
    private long _messagesOut;
    private int _agentsLoggedIn;
    private int _agentsAvailable;

    public InteractionHub(
        ContactCenterOptions options,
        IInteractionStore store,
        IInteractionRouter router,
        IEnumerable<IChannelConnector> connectors,
        TimeProvider time,
        ILogger<InteractionHub> logger,
        IFlowLauncher? flows = null)
    {
        _options = options;
        _store = store;
        _router = router;
        _time = time;
        _logger = logger;
        _flows = flows;
        _queues = options.Queues.ToDictionary(q => q.Id);
        _wrapUpCodes = options.WrapUpCodes.Select(c => c.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        _loop = new InteractionLoop(store, options, time, logger, _timeline, _stopping.Token);
        _active = _loop.Active;
        _delivery = new OutboundDelivery(connectors.ToDictionary(c => c.Name, StringComparer.Ordinal), options, time, logger, RecordDeliveryAsync, _stopping.Token);
        foreach (var agent in options.Agents)
        {
            _agents[agent.Id] = new AgentRuntime(agent);
        }
    }

    /// <summary>Opens the store, recovers active interactions and starts the loop.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _store.InitializeAsync(cancellationToken).ConfigureAwait(false);
        foreach (var queue in _options.Queues)
        {
            _router.ConfigureQueue(queue);
        }

        foreach (var agent in _options.Agents)
        {
            _router.UpsertAgent(agent);
        }

        var active = await _loop.LoadAsync(cancellationToken).ConfigureAwait(false);
        _router.Start(this);
        _loop.Start(() =>
        {
            _identities.Clear();
            _checkpoints.Clear();
        });
        await RecoverAsync(active, cancellationToken).ConfigureAwait(false);
        HubLog.Started(_logger, active.Count);
    }

    /// <summary>Stops taking commands, finishes those queued and waits for deliveries in flight.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _loop.Complete();
        await _loop.Completion.WaitAsync(cancellationToken).ConfigureAwait(false);
        await _delivery.WaitAsync(cancellationToken).ConfigureAwait(false);
        await _stopping.CancelAsync().ConfigureAwait(false);
        StopServiceLevelTimers();
        _timeline.Complete();
        _supervisor.Complete();
    }

    public async ValueTask DisposeAsync()
    {
        _loop.Complete();
        if (!_stopping.IsCancellationRequested)
        {
            await _stopping.CancelAsync().ConfigureAwait(false);
        }

        await _loop.Completion.ConfigureAwait(false);
        StopServiceLevelTimers();
        (_router as IDisposable)?.Dispose();
        _stopping.Dispose();
    }

    public ContactCenterStatistics GetStatistics() => new(
        _active.Count(InteractionState.InFlow),
        _active.Count(InteractionState.Queued) + _active.Count(InteractionState.Offered),
        _active.Count(InteractionState.Connected),
        _active.Count(InteractionState.WrapUp),
        _active.Closed,
        _active.Abandoned,
        Interlocked.Read(ref _messagesIn),
        Interlocked.Read(ref _messagesOut),
        Volatile.Read(ref _agentsLoggedIn),
        Volatile.Read(ref _agentsAvailable));

    public IAsyncEnumerable<TimelineEvent> SubscribeAsync(CancellationToken cancellationToken = default) => _timeline.Subscribe(cancellationToken);

    /// <summary>How many event feeds are open (for tests).</summary>
    internal int SubscriberCount => _timeline.ReaderCount;

    private Task<T> ExecuteAsync<T>(Func<HubTransaction, ValueTask<T>> run, CancellationToken cancellationToken, InboundMessage? inbound = null)
        => _loop.ExecuteAsync(run, cancellationToken, inbound);

    private Task ExecuteAsync(Action<HubTransaction> run, CancellationToken cancellationToken) => _loop.ExecuteAsync(run, cancellationToken);

    private void Post(Action<HubTransaction> run) => _loop.Post(run);

    /// <summary>Records a delivery's outcome on the timeline and tells the interaction's agent when it failed for good.</summary>
    private Task RecordDeliveryAsync(Interaction interaction, MessageEvent message, DeliveryResult result, int attempts)
        => ExecuteAsync(tx =>
        {
            var delivery = new DeliveryEvent
            {
                Id = TimelineEventId.New(tx.Now),
                InteractionId = interaction.Id,
                Timestamp = tx.Now,
                MessageId = message.Id,
                Delivered = result.Delivered,
                ExternalId = result.ExternalId,
                Error = result.Error,
                Attempts = attempts,
            };
            tx.Append(delivery);
            var agent = _active.GetValueOrDefault(interaction.Id)?.Agent ?? message.Agent;
            if (!result.Delivered && agent is { } a && GetAgent(a)?.Session is { } session)
            {
                tx.After(() => session.Notify(new DeliveryFailedNotification { InteractionId = interaction.Id, Delivery = delivery }));
            }
        }, CancellationToken.None);

    private async Task RecoverAsync(IReadOnlyList<Interaction> active, CancellationToken cancellationToken)
    {
        foreach (var interaction in active)
        {
            switch (interaction.State)
            {
                case InteractionState.Queued:
                case InteractionState.Offered:
                    await ExecuteAsync(tx =>
                    {
                        if (_active.TryGetValue(interaction.Id, out var current) && current.State == InteractionState.Offered)
                        {
                            current = Transition(tx, current, InteractionState.Queued, "recovered") with { Agent = null };
                            Put(tx, current);
                        }

                        WatchServiceLevelAfterRestart(tx, interaction.Id);
                        var q = current?.Queue ?? interaction.Queue;
                        if (current is not null && q is { } queue)
                        {
                            var request = new RoutingRequest(current.Id, queue, current.Media, current.Tenant, current.Priority, current.UpdatedAt);
                            tx.After(() => _router.Enqueue(request));
                        }
                    }, cancellationToken).ConfigureAwait(false);
                    await ResumeWaitingFlowAsync(interaction, cancellationToken).ConfigureAwait(false);
                    break;
                case InteractionState.Connected:
                case InteractionState.WrapUp:
                    if (interaction.Agent is { } agent)
                    {
                        _router.Restore(interaction.Id, agent, interaction.Media, interaction.Queue);
                        await ExecuteAsync(_ => GetAgent(agent)?.Assigned.Add(interaction.Id), cancellationToken).ConfigureAwait(false);
                    }

                    break;
                case InteractionState.InFlow:
                    await ResumeFlowAsync(interaction, cancellationToken).ConfigureAwait(false);
                    break;
                case InteractionState.New:
                    await ExecuteAsync(tx =>
                    {
                        if (_active.TryGetValue(interaction.Id, out var current) && current.State == InteractionState.New)
                        {
                            RouteNew(tx, current);
                        }
                    }, cancellationToken).ConfigureAwait(false);
                    break;
            }
        }
    }

    /// <summary>A flow that was waiting with its interaction in a queue goes on waiting with it.</summary>
    private async Task ResumeWaitingFlowAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        if (_flows is null)
        {
            return;
        }

        var timeline = await _store.GetTimelineAsync(interaction.Id, cancellationToken).ConfigureAwait(false);
        if (timeline.OfType<FlowProgressEvent>().LastOrDefault() is { } progress)
        {
            _flows.ResumeWaiting(interaction with { State = InteractionState.Queued, Agent = null }, progress.Flow);
        }
    }

    private async Task ResumeFlowAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        var timeline = await _store.GetTimelineAsync(interaction.Id, cancellationToken).ConfigureAwait(false);
        var flow = timeline.OfType<FlowProgressEvent>().LastOrDefault()?.Flow ?? _flows?.SelectFlow(interaction);
        if (_flows is not null && flow is not null)
        {
            _flows.Start(interaction, flow, resume: true);
            return;
        }

        await ExecuteAsync(tx =>
        {
            if (_active.TryGetValue(interaction.Id, out var current) && current.State == InteractionState.InFlow)
            {
                var queue = QueueFor(current);
                if (queue is { } q)
                {
                    Enqueue(tx, current, q, current.Priority, null, "flow-unavailable");
                }
            }
        }, cancellationToken).ConfigureAwait(false);
    }

    private sealed class AgentRuntime(AgentDefinition definition)
    {
        public AgentDefinition Definition { get; set; } = definition;

        public AgentSession? Session { get; set; }

        public AgentState State { get; set; } = AgentState.Offline;

        public string? StateReason { get; set; }

        /// <summary>The last offer of each interaction made to the agent (pruned when read: an entry may have ended).</summary>
        public Dictionary<InteractionId, OfferNotification> Offers { get; } = [];

        public HashSet<InteractionId> Assigned { get; } = [];
    }
}
