using ContactCenter.Routing.Internal;
using ContactCenter.Routing.Strategies;

namespace ContactCenter.Routing;

/// <summary>
/// The routing core: queues, agents, matching, offers and timers. Every method is thread-safe.
/// <para>
/// Commands that only need to be applied (<see cref="Enqueue"/>, <see cref="Decline(OfferId)"/>,
/// <see cref="Complete"/>, <see cref="EndWrapUp"/>, <see cref="SetAgentPresence"/>, <see cref="ProcessTimers"/>)
/// go into a lock-free multi-producer ring and return at once; a single matching loop applies them in order.
/// There is no dedicated thread: the producer that finds the loop idle runs it (one CAS) until the ring is
/// empty, and producers arriving meanwhile never wait. Outcomes reach the <see cref="RoutingHandler"/>.
/// Operations that must answer (<see cref="Accept(OfferId)"/>, <see cref="Cancel"/>, queries and configuration)
/// wait for their turn of the loop instead.
/// </para>
/// </summary>
public sealed partial class RoutingEngine : IDisposable
{
    private readonly RoutingHandler _handler;
    private readonly TimeProvider _time;
    private readonly CommandRing _ring;
    private readonly ITimer? _timer;
    private readonly long _timestampDivisor;
    private readonly long _timestampFrequency;

    private readonly long _offerTimeoutTicks;
    private readonly int _missedBeforeAway;
    private readonly long _cooldownTicks;
    private readonly RoutingStrategyOptions _defaultStrategy;

    private RoutingEngine(RoutingOptions options, RoutingHandler handler, TimeProvider time)
    {
        _handler = handler;
        _time = time;
        _ring = new CommandRing(options.CommandCapacity);
        _timestampFrequency = time.TimestampFrequency;
        _timestampDivisor = _timestampFrequency % TimeSpan.TicksPerSecond == 0 ? _timestampFrequency / TimeSpan.TicksPerSecond : 0;
        _offerTimeoutTicks = options.OfferTimeout.Ticks;
        _missedBeforeAway = options.MissedOffersBeforeAway;
        _cooldownTicks = options.DeclineCooldown.Ticks;
        _defaultStrategy = options.DefaultStrategy;
        _wantsEnded = Overrides(handler, nameof(RoutingHandler.OnOfferEnded));
        _wantsAccepted = Overrides(handler, nameof(RoutingHandler.OnOfferAccepted));
        _wantsRejected = Overrides(handler, nameof(RoutingHandler.OnInteractionRejected));
        _wantsMoved = Overrides(handler, nameof(RoutingHandler.OnInteractionMoved));
        _wantsEscalated = Overrides(handler, nameof(RoutingHandler.OnInteractionEscalated));
        _wantsStatus = Overrides(handler, nameof(RoutingHandler.OnAgentStatusChanged));
        _wantsFailed = Overrides(handler, nameof(RoutingHandler.OnCommandFailed));
        if (options.AutomaticTimers)
        {
            _timer = time.CreateTimer(static s => ((RoutingEngine)s!).OnTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Creates an engine from validated options.</summary>
    /// <param name="options">The options; validated first.</param>
    /// <param name="handler">Receives offers and other outcomes.</param>
    /// <param name="timeProvider">The clock; default <see cref="TimeProvider.System"/>.</param>
    /// <returns>The engine, with the configured queues and agents.</returns>
    /// <exception cref="RoutingConfigurationException">The options are invalid; every problem is listed.</exception>
    public static RoutingEngine Create(RoutingOptions options, RoutingHandler handler, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(handler);
        options.Validate();
        var engine = new RoutingEngine(options, handler, timeProvider ?? TimeProvider.System);
        bool reentrant = engine.EnterTurn();
        try
        {
            long now = engine.Now();
            foreach (var q in options.Queues)
            {
                engine.ApplyQueue(q, now);
            }

            foreach (var a in options.Agents)
            {
                engine.ApplyAgent(a, now);
            }
        }
        finally
        {
            engine.ExitTurn(reentrant);
        }

        return engine;
    }

    /// <summary>Routes a new interaction (asynchronously; the outcome is an offer, a rejection or waiting).</summary>
    /// <param name="request">The interaction.</param>
    /// <returns><see cref="RoutingStatus.Ok"/> when accepted for processing; otherwise why not.</returns>
    public RoutingResult Enqueue(in InteractionRequest request)
    {
        if (request.Priority is < 0 or > RoutingLimits.MaxPriority
            || request.AlreadyWaited < TimeSpan.Zero
            || request.PreferredAgentTimeout is { } t && t < TimeSpan.Zero)
        {
            return new RoutingResult(RoutingStatus.InvalidArgument);
        }

        var c = new Command
        {
            Kind = CommandKind.Enqueue,
            Id = request.Interaction.Value,
            Int1 = request.Queue.Value,
            Int2 = request.Priority ?? -1,
            HasPreferred = request.PreferredAgent.HasValue,
            Int3 = request.PreferredAgent?.Value ?? 0,
            Ticks1 = request.AlreadyWaited.Ticks,
            Ticks2 = (request.PreferredAgentTimeout ?? TimeSpan.FromSeconds(30)).Ticks,
        };
        return Post(c);
    }

    /// <summary>The agent declines the offer: the interaction returns to its place (asynchronous).</summary>
    /// <param name="offer">The offer.</param>
    /// <returns><see cref="RoutingStatus.Ok"/> when accepted for processing.</returns>
    public RoutingResult Decline(OfferId offer) => Post(new Command { Kind = CommandKind.Decline, Id = offer.Value });

    /// <summary>The agent declines its offer of the interaction (asynchronous).</summary>
    /// <param name="interaction">The interaction.</param>
    /// <param name="agent">The agent.</param>
    /// <returns><see cref="RoutingStatus.Ok"/> when accepted for processing.</returns>
    public RoutingResult Decline(InteractionSlot interaction, AgentSlot agent) =>
        Post(new Command { Kind = CommandKind.Decline, Id = interaction.Value, Int1 = agent.Value, HasPreferred = true });

    /// <summary>The agent finished the interaction; wrap-up starts if the queue has one, then the capacity is free (asynchronous).</summary>
    /// <param name="interaction">The interaction.</param>
    /// <returns><see cref="RoutingStatus.Ok"/> when accepted for processing.</returns>
    public RoutingResult Complete(InteractionSlot interaction) => Post(new Command { Kind = CommandKind.Complete, Id = interaction.Value });

    /// <summary>Ends the wrap-up of a completed interaction early (asynchronous).</summary>
    /// <param name="interaction">The interaction.</param>
    /// <returns><see cref="RoutingStatus.Ok"/> when accepted for processing.</returns>
    public RoutingResult EndWrapUp(InteractionSlot interaction) => Post(new Command { Kind = CommandKind.EndWrapUp, Id = interaction.Value });

    /// <summary>Sets an agent's presence (asynchronous). Going offline revokes its pending offers.</summary>
    /// <param name="agent">The agent.</param>
    /// <param name="presence">The presence.</param>
    /// <param name="reason">The break reason, if any.</param>
    /// <returns><see cref="RoutingStatus.Ok"/> when accepted for processing.</returns>
    public RoutingResult SetAgentPresence(AgentSlot agent, AgentPresence presence, string? reason = null) =>
        presence is < AgentPresence.Offline or > AgentPresence.Away
            ? new RoutingResult(RoutingStatus.InvalidArgument)
            : Post(new Command { Kind = CommandKind.SetPresence, Int1 = agent.Value, Int2 = (int)presence, Payload = reason });

    /// <summary>Fires whatever is due on the clock: offer time-outs, escalations, preferred-agent fallbacks, wrap-up ends.</summary>
    /// <returns><see cref="RoutingStatus.Ok"/> when accepted for processing.</returns>
    public RoutingResult ProcessTimers() => Post(new Command { Kind = CommandKind.Tick });

    /// <summary>Accepts an offer; final once <see cref="RoutingStatus.Ok"/> is returned. Other ring-all offers are revoked.</summary>
    /// <param name="offer">The offer.</param>
    /// <returns>Ok, or <see cref="RoutingStatus.OfferNotFound"/> if it expired, was declined or revoked.</returns>
    public RoutingResult Accept(OfferId offer)
    {
        bool reentrant = EnterTurn();
        long now = Now();
        try
        {
            return new RoutingResult(AcceptCore(GetOffer(offer.Value), now));
        }
        finally
        {
            ExitTurn(reentrant, now);
        }
    }

    /// <summary>Accepts the agent's offer of the interaction; final once <see cref="RoutingStatus.Ok"/> is returned.</summary>
    /// <param name="interaction">The interaction.</param>
    /// <param name="agent">The agent.</param>
    /// <returns>Ok, or <see cref="RoutingStatus.OfferNotFound"/> if there is no live offer of it to that agent.</returns>
    public RoutingResult Accept(InteractionSlot interaction, AgentSlot agent)
    {
        bool reentrant = EnterTurn();
        long now = Now();
        try
        {
            return new RoutingResult(AcceptCore(FindOffer(interaction.Value, agent.Value), now));
        }
        finally
        {
            ExitTurn(reentrant, now);
        }
    }

    /// <summary>Takes a waiting or offered interaction out of routing (abandoned, answered elsewhere). Pending offers are revoked.</summary>
    /// <param name="interaction">The interaction.</param>
    /// <returns>Ok; <see cref="RoutingStatus.InteractionNotFound"/>; or <see cref="RoutingStatus.InvalidState"/> when already connected (use <see cref="Complete"/>).</returns>
    public RoutingResult Cancel(InteractionSlot interaction)
    {
        bool reentrant = EnterTurn();
        long now = Now();
        try
        {
            return new RoutingResult(CancelCore(interaction.Value, now));
        }
        finally
        {
            ExitTurn(reentrant, now);
        }
    }

    /// <summary>Records that an agent already works on an interaction (e.g. after a restart) so that it counts against capacity.</summary>
    /// <param name="interaction">The interaction.</param>
    /// <param name="queue">Its queue (gives medium and wrap-up).</param>
    /// <param name="agent">The agent.</param>
    /// <returns>Ok, or why not.</returns>
    public RoutingResult Restore(InteractionSlot interaction, QueueSlot queue, AgentSlot agent)
    {
        bool reentrant = EnterTurn();
        try
        {
            return new RoutingResult(RestoreCore(interaction.Value, queue, agent, Now()));
        }
        finally
        {
            ExitTurn(reentrant);
        }
    }

    /// <summary>Adds a queue or replaces its configuration; waiting interactions keep their place.</summary>
    /// <param name="queue">The queue.</param>
    /// <exception cref="RoutingConfigurationException">The options are invalid; every problem is listed.</exception>
    public void AddOrUpdateQueue(QueueOptions queue)
    {
        ArgumentNullException.ThrowIfNull(queue);
        bool reentrant = EnterTurn();
        try
        {
            var problems = new List<string>();
            queue.Validate(id => id == queue.Id || _queues.ContainsKey(id), problems);
            if (problems.Count > 0)
            {
                throw new RoutingConfigurationException(problems);
            }

            ApplyQueue(queue, Now());
        }
        finally
        {
            ExitTurn(reentrant);
        }
    }

    /// <summary>Adds an agent or replaces its definition (skills, capacity, tenants); presence and work are kept.</summary>
    /// <param name="agent">The agent.</param>
    /// <exception cref="RoutingConfigurationException">The options are invalid; every problem is listed.</exception>
    public void AddOrUpdateAgent(AgentOptions agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var problems = new List<string>();
        agent.Validate(problems);
        if (problems.Count > 0)
        {
            throw new RoutingConfigurationException(problems);
        }

        bool reentrant = EnterTurn();
        try
        {
            ApplyAgent(agent, Now());
        }
        finally
        {
            ExitTurn(reentrant);
        }
    }

    /// <summary>Removes an agent: its offers are revoked; work it holds may still be completed.</summary>
    /// <param name="agent">The agent.</param>
    /// <returns>Ok or <see cref="RoutingStatus.AgentNotFound"/>.</returns>
    public RoutingResult RemoveAgent(AgentSlot agent)
    {
        bool reentrant = EnterTurn();
        try
        {
            return new RoutingResult(RemoveAgentCore(agent, Now()));
        }
        finally
        {
            ExitTurn(reentrant);
        }
    }

    /// <summary>Position and estimated wait of a waiting interaction.</summary>
    /// <param name="interaction">The interaction.</param>
    /// <param name="estimate">The estimate.</param>
    /// <returns>Whether the interaction is waiting. O(waiting in its queue).</returns>
    public bool TryGetWaitEstimate(InteractionSlot interaction, out WaitEstimate estimate)
    {
        bool reentrant = EnterTurn();
        try
        {
            return TryGetWaitEstimateCore(interaction.Value, Now(), out estimate);
        }
        finally
        {
            ExitTurn(reentrant);
        }
    }

    /// <summary>Counters of a queue.</summary>
    /// <param name="queue">The queue.</param>
    /// <param name="statistics">The counters.</param>
    /// <returns>Whether the queue exists.</returns>
    public bool TryGetQueueStatistics(QueueSlot queue, out QueueStatistics statistics)
    {
        bool reentrant = EnterTurn();
        try
        {
            if (!_queues.TryGetValue(queue, out var q))
            {
                statistics = default;
                return false;
            }

            statistics = new QueueStatistics
            {
                Waiting = q.Waiting,
                Answered = q.Answered,
                AnsweredWithinTarget = q.AnsweredWithinTarget,
                Abandoned = q.Abandoned,
                Rejected = q.Rejected,
            };
            return true;
        }
        finally
        {
            ExitTurn(reentrant);
        }
    }

    /// <summary>An agent's current state.</summary>
    /// <param name="agent">The agent.</param>
    /// <param name="snapshot">Its state.</param>
    /// <returns>Whether the agent exists.</returns>
    public bool TryGetAgent(AgentSlot agent, out AgentSnapshot snapshot)
    {
        bool reentrant = EnterTurn();
        try
        {
            if (!_agents.TryGetValue(agent, out var a))
            {
                snapshot = default;
                return false;
            }

            snapshot = a.Snapshot(Now(), 0);
            return true;
        }
        finally
        {
            ExitTurn(reentrant);
        }
    }

    /// <summary>Stops the engine's timer. Commands posted afterwards return <see cref="RoutingStatus.Disposed"/>.</summary>
    public void Dispose()
    {
        _disposed = true;
        _timer?.Dispose();
    }

    /// <summary>The command ring (tests simulate a producer preempted between claiming and publishing a slot).</summary>
    internal CommandRing Ring => _ring;

    private long Now()
    {
        long ts = _time.GetTimestamp();
        return _timestampDivisor > 0
            ? ts / _timestampDivisor
            : (long)((Int128)ts * TimeSpan.TicksPerSecond / _timestampFrequency);
    }
}
