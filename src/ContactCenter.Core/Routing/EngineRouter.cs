using System.Collections.Concurrent;
using ContactCenter.Core.Agents;
using ContactCenter.Routing;
using Microsoft.Extensions.Logging;
using R = ContactCenter.Routing;

namespace ContactCenter.Core.Routing;

/// <summary>
/// Plugs the lock-free <see cref="RoutingEngine"/> into the hub. The engine works on dense integer ids and
/// one media type per queue; this adapter maps the runtime's ids onto them (one engine queue per runtime
/// queue and media type, created on first use), translates agent definitions and presence, and forwards the
/// engine's decisions to the hub's <see cref="IRoutingListener"/>.
/// </summary>
internal sealed partial class EngineRouter : IInteractionRouter, IDisposable
{
    private static readonly TenantSlot NoTenant = new(0);

    private readonly R.RoutingBuilder _builder;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly object _gate = new();
    private readonly Dictionary<QueueId, QueueDefinition> _queues = [];
    private readonly Dictionary<(QueueId Queue, MediaType Media), QueueSlot> _engineQueues = [];
    // Reverse maps are read by the engine's handler while the engine holds its turn; they must never wait for
    // _gate, which is held around synchronous engine calls (that would deadlock), so they are concurrent.
    private readonly ConcurrentDictionary<int, QueueId> _queueNames = new();
    private readonly Dictionary<AgentId, AgentSlot> _agents = [];
    private readonly ConcurrentDictionary<int, AgentId> _agentNames = new();
    private readonly Dictionary<AgentId, AgentDefinition> _agentDefinitions = [];
    private readonly Dictionary<string, SkillSlot> _skills = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<TenantId, TenantSlot> _tenants = [];
    private readonly ConcurrentDictionary<InteractionId, long> _interactionIds = new();
    private readonly ConcurrentDictionary<long, InteractionId> _interactionNames = new();
    private long _nextInteraction;
    private RoutingEngine? _engine;
    private IRoutingListener? _listener;

    public EngineRouter(R.RoutingBuilder builder, TimeProvider time, ILogger<EngineRouter> logger)
    {
        _builder = builder;
        _time = time;
        _logger = logger;
    }

    private RoutingEngine Engine => _engine ?? throw new InvalidOperationException("The router has not been started.");

    public void Start(IRoutingListener listener)
    {
        _listener = listener ?? throw new ArgumentNullException(nameof(listener));
        lock (_gate)
        {
            _engine = _builder.Build(new Handler(this), _time);
            foreach (var agent in _agentDefinitions.Values)
            {
                _engine.AddOrUpdateAgent(ToEngine(agent));
            }
        }
    }

    public void ConfigureQueue(QueueDefinition queue)
    {
        lock (_gate)
        {
            _queues[queue.Id] = queue;
            foreach (var ((id, media), engineId) in _engineQueues.ToArray())
            {
                if (id == queue.Id)
                {
                    _engine?.AddOrUpdateQueue(ToEngine(queue, media, engineId));
                }
            }
        }
    }

    public void UpsertAgent(AgentDefinition agent)
    {
        lock (_gate)
        {
            _agentDefinitions[agent.Id] = agent;
            _engine?.AddOrUpdateAgent(ToEngine(agent));
        }
    }

    public void SetAgentState(AgentId agent, AgentState state)
    {
        AgentSlot id;
        lock (_gate)
        {
            id = AgentFor(agent);
        }

        var presence = state switch
        {
            AgentState.Available => AgentPresence.Available,
            AgentState.Offline => AgentPresence.Offline,
            AgentState.Break => AgentPresence.Break,
            _ => AgentPresence.Away,
        };
        Check(Engine.SetAgentPresence(id, presence), "set presence of", agent.Value);
    }

    public void Enqueue(RoutingRequest request)
    {
        QueueSlot queue;
        AgentSlot? preferred = null;
        lock (_gate)
        {
            queue = QueueFor(request.Queue, request.Media);
            if (request.PreferredAgent is { } p && _agentDefinitions.ContainsKey(p))
            {
                preferred = AgentFor(p);
            }
        }

        var id = InteractionFor(request.Interaction);
        var waited = _time.GetUtcNow() - request.EnqueuedAt;
        Check(Engine.Enqueue(new InteractionRequest(new InteractionSlot(id), queue)
        {
            Priority = request.Priority,
            PreferredAgent = preferred,
            AlreadyWaited = waited > TimeSpan.Zero ? waited : TimeSpan.Zero,
        }), "enqueue", request.Interaction.ToString());
    }

    public bool Remove(InteractionId interaction)
    {
        if (!_interactionIds.TryGetValue(interaction, out var id))
        {
            return false;
        }

        var removed = Engine.Cancel(new InteractionSlot(id)).IsSuccess;
        Forget(interaction, id);
        return removed;
    }

    public bool TryAcceptOffer(InteractionId interaction, AgentId agent)
    {
        if (!_interactionIds.TryGetValue(interaction, out var id))
        {
            return false;
        }

        AgentSlot a;
        lock (_gate)
        {
            a = AgentFor(agent);
        }

        return Engine.Accept(new InteractionSlot(id), a).IsSuccess;
    }

    public void DeclineOffer(InteractionId interaction, AgentId agent)
    {
        if (_interactionIds.TryGetValue(interaction, out var id))
        {
            AgentSlot a;
            lock (_gate)
            {
                a = AgentFor(agent);
            }

            Engine.Decline(new InteractionSlot(id), a);
        }
    }

    public void Restore(InteractionId interaction, AgentId agent, MediaType media, QueueId? queue)
    {
        QueueSlot q;
        AgentSlot a;
        lock (_gate)
        {
            var name = queue ?? _queues.Keys.FirstOrDefault();
            if (name.Value is null)
            {
                return;
            }

            q = QueueFor(name, media);
            a = AgentFor(agent);
        }

        Check(Engine.Restore(new InteractionSlot(InteractionFor(interaction)), q, a), "restore", interaction.ToString());
    }

    public void Release(InteractionId interaction, AgentId agent)
    {
        if (_interactionIds.TryGetValue(interaction, out var id))
        {
            var engineId = new InteractionSlot(id);
            Engine.Complete(engineId);
            Engine.EndWrapUp(engineId);
            Forget(interaction, id);
        }
    }

    public QueuePosition? GetPosition(InteractionId interaction)
        => _interactionIds.TryGetValue(interaction, out var id) && Engine.TryGetWaitEstimate(new InteractionSlot(id), out var estimate)
            ? new QueuePosition(estimate.Position, estimate.EstimatedWait)
            : null;

    public void Dispose() => _engine?.Dispose();

    private long InteractionFor(InteractionId interaction)
        => _interactionIds.GetOrAdd(interaction, static (key, self) =>
        {
            var id = Interlocked.Increment(ref self._nextInteraction);
            self._interactionNames[id] = key;
            return id;
        }, this);

    private void Forget(InteractionId interaction, long id)
    {
        _interactionIds.TryRemove(interaction, out _);
        _interactionNames.TryRemove(id, out _);
    }

    private AgentSlot AgentFor(AgentId agent)
    {
        if (!_agents.TryGetValue(agent, out var id))
        {
            id = new AgentSlot(_agents.Count + 1);
            _agents[agent] = id;
            _agentNames[id.Value] = agent;
        }

        return id;
    }

    private SkillSlot SkillFor(string skill)
    {
        if (!_skills.TryGetValue(skill, out var id))
        {
            id = new SkillSlot(_skills.Count + 1);
            _skills[skill] = id;
        }

        return id;
    }

    private TenantSlot TenantFor(TenantId? tenant)
    {
        if (tenant is not { } t)
        {
            return NoTenant;
        }

        if (!_tenants.TryGetValue(t, out var id))
        {
            id = new TenantSlot(_tenants.Count + 1);
            _tenants[t] = id;
        }

        return id;
    }

    /// <summary>The engine queue for a runtime queue and media type, created (with its overflow chain) on first use.</summary>
    private QueueSlot QueueFor(QueueId queue, MediaType media)
    {
        if (_engineQueues.TryGetValue((queue, media), out var id))
        {
            return id;
        }

        if (!_queues.TryGetValue(queue, out var definition))
        {
            throw new ContactCenterException($"Queue '{queue}' is not configured.");
        }

        id = new QueueSlot(_engineQueues.Count + 1);
        _engineQueues[(queue, media)] = id;
        _queueNames[id.Value] = queue;
        if (definition.OverflowQueue is { } overflow && overflow != queue)
        {
            QueueFor(overflow, media);
        }

        Engine.AddOrUpdateQueue(ToEngine(definition, media, id));
        return id;
    }

    private R.QueueOptions ToEngine(QueueDefinition queue, MediaType media, QueueSlot id)
    {
        var options = new R.QueueOptions
        {
            Id = id,
            Tenant = TenantFor(queue.Tenant),
            Media = ToEngine(media),
            Language = queue.Language,
            ServiceLevelTarget = queue.ServiceLevelTarget,
            MaxLength = queue.MaxLength,
            OfferTimeout = queue.OfferTimeout,
        };
        foreach (var (skill, level) in queue.RequiredSkills)
        {
            options.RequiredSkills.Add(new SkillRequirement(SkillFor(skill), level));
        }

        if (queue.OverflowQueue is { } overflow && _engineQueues.TryGetValue((overflow, media), out var target))
        {
            options.OverflowQueue = target;
            options.WhenFull = QueueFallback.Overflow;
        }

        return options;
    }

    /// <summary>Maps the contact center's medium onto the engine's by name: the two enums are separate types and
    /// their numbers are not a contract.</summary>
    private static RoutingMedia ToEngine(MediaType media) => media switch
    {
        MediaType.Voice => RoutingMedia.Voice,
        MediaType.Chat => RoutingMedia.Chat,
        MediaType.Email => RoutingMedia.Email,
        MediaType.Task => RoutingMedia.Task,
        _ => throw new ArgumentOutOfRangeException(nameof(media), media, "The routing engine has no such medium."),
    };

    private R.AgentOptions ToEngine(AgentDefinition agent)
    {
        var options = new R.AgentOptions
        {
            Id = AgentFor(agent.Id),
            Capacity = new AgentCapacity
            {
                Voice = agent.Capacity.GetValueOrDefault(MediaType.Voice),
                Chat = agent.Capacity.GetValueOrDefault(MediaType.Chat),
                Email = agent.Capacity.GetValueOrDefault(MediaType.Email),
                Task = agent.Capacity.GetValueOrDefault(MediaType.Task),
            },
        };
        if (agent.Tenants.Count == 0)
        {
            options.Tenants.Add(NoTenant);
        }

        foreach (var tenant in agent.Tenants)
        {
            options.Tenants.Add(TenantFor(tenant));
        }

        foreach (var (skill, level) in agent.Skills)
        {
            options.Skills.Add(new AgentSkill(SkillFor(skill), level));
        }

        foreach (var language in agent.Languages)
        {
            options.Languages.Add(language);
        }

        return options;
    }

    private void Check(RoutingResult result, string action, string subject)
    {
        if (!result.IsSuccess)
        {
            LogRoutingRefused(_logger, action, subject, result.Status);
        }
    }

    /// <summary>
    /// The engine's explanation as the runtime's typed decision. Scores that say nothing are left out: the
    /// preferred-agent rule has none, and "no runner-up" is NaN in the engine.
    /// </summary>
    private RoutingDecision DecisionOf(in OfferEventArgs e)
    {
        var x = e.Explanation;
        var rule = x.Rule switch
        {
            RoutingRule.BestInteractionForAgent => RoutingDecisionRule.BestInteractionForAgent,
            RoutingRule.PreferredAgent => RoutingDecisionRule.PreferredAgent,
            _ => RoutingDecisionRule.BestAgentForInteraction,
        };
        bool scored = rule != RoutingDecisionRule.PreferredAgent;
        return new RoutingDecision
        {
            Rule = rule,
            Strategy = x.Strategy,
            Queue = _queueNames.TryGetValue(e.Queue.Value, out var queue) ? queue : null,
            Candidates = x.Candidates,
            Score = scored && double.IsFinite(x.Score) ? x.Score : null,
            RunnerUpScore = scored && double.IsFinite(x.RunnerUpScore) ? x.RunnerUpScore : null,
            EscalationStep = x.EscalationStep,
            RingAll = e.IsRingAll,
        };
    }

    private InteractionId? NameOf(InteractionSlot id) => _interactionNames.TryGetValue(id.Value, out var name) ? name : null;

    private AgentId NameOf(AgentSlot id) => _agentNames[id.Value];

    private QueueId NameOf(QueueSlot id) => _queueNames[id.Value];

    [LoggerMessage(200, LogLevel.Warning, "The routing engine refused to {Action} {Subject}: {Status}.")]
    private static partial void LogRoutingRefused(ILogger logger, string action, string subject, RoutingStatus status);

    [LoggerMessage(201, LogLevel.Error, "A routing decision could not be handed to the hub.")]
    private static partial void LogHandlerError(ILogger logger, Exception exception);

    /// <summary>Turns the engine's decisions into the hub's listener calls (ids mapped back).</summary>
    private sealed class Handler(EngineRouter router) : RoutingHandler
    {
        public override void OnOffer(in OfferEventArgs e)
        {
            if (router.NameOf(e.Interaction) is { } interaction)
            {
                router._listener!.OnOffered(interaction, router.NameOf(e.Agent), router._time.GetUtcNow() + e.Timeout, router.DecisionOf(e));
            }
        }

        public override void OnOfferEnded(in OfferEndedEventArgs e)
        {
            OfferRevokedReason? reason = e.Reason switch
            {
                OfferEndReason.TimedOut => OfferRevokedReason.TimedOut,
                OfferEndReason.AgentLeft => OfferRevokedReason.AgentLeft,
                OfferEndReason.TakenByAnother => OfferRevokedReason.TakenByAnother,
                _ => null, // declined or cancelled: the hub asked for it
            };
            if (reason is { } r && router.NameOf(e.Interaction) is { } interaction)
            {
                router._listener!.OnOfferExpired(interaction, router.NameOf(e.Agent), r);
            }
        }

        public override void OnInteractionMoved(in InteractionMovedEventArgs e)
        {
            if (router.NameOf(e.Interaction) is { } interaction)
            {
                router._listener!.OnRequeued(interaction, router.NameOf(e.From), router.NameOf(e.To), e.Reason.ToString());
            }
        }

        public override void OnInteractionRejected(in InteractionRejectedEventArgs e)
        {
            if (router.NameOf(e.Interaction) is { } interaction)
            {
                var reason = e.Fallback == QueueFallback.OfferCallback ? "offer-callback" : e.Reason.ToString();
                router._listener!.OnRejected(interaction, router.NameOf(e.Queue), reason);
            }
        }

        public override void OnAgentStatusChanged(in AgentStatusChangedEventArgs e)
        {
            if (e.Current == AgentStatus.Away && e.Previous != AgentStatus.Away)
            {
                router._listener!.OnAgentAway(router.NameOf(e.Agent), e.Reason ?? "missed-offers");
            }
        }

        public override void OnHandlerError(Exception exception) => LogHandlerError(router._logger, exception);
    }
}
