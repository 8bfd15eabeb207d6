namespace ContactCenter.Core.Routing;

/// <summary>
/// The simple router the runtime uses until a real one is configured: first in, first out per priority,
/// across all queues; the eligible agent idle longest gets the offer. One lock; O(waiting × agents) per
/// decision, which is fine for tens of agents and nothing more. Offers expire on the <see cref="TimeProvider"/>.
/// </summary>
public sealed class FifoRouter : IInteractionRouter, IDisposable
{
    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private readonly Dictionary<QueueId, QueueDefinition> _queues = [];
    private readonly Dictionary<AgentId, AgentSlot> _agents = [];
    private readonly List<Waiting> _waiting = [];
    private readonly Dictionary<InteractionId, Offer> _offers = [];
    private IRoutingListener? _listener;

    /// <summary>Creates the router on a clock.</summary>
    public FifoRouter(TimeProvider time) => _time = time ?? throw new ArgumentNullException(nameof(time));

    /// <inheritdoc />
    public void Start(IRoutingListener listener)
    {
        _listener = listener ?? throw new ArgumentNullException(nameof(listener));
        Dispatch();
    }

    /// <inheritdoc />
    public void ConfigureQueue(QueueDefinition queue)
    {
        lock (_gate)
        {
            _queues[queue.Id] = queue;
        }
    }

    /// <inheritdoc />
    public void UpsertAgent(AgentDefinition agent)
    {
        lock (_gate)
        {
            if (_agents.TryGetValue(agent.Id, out var slot))
            {
                slot.Definition = agent;
            }
            else
            {
                _agents[agent.Id] = new AgentSlot(agent, _time.GetUtcNow());
            }
        }

        Dispatch();
    }

    /// <inheritdoc />
    public void SetAgentState(AgentId agent, AgentState state)
    {
        lock (_gate)
        {
            if (!_agents.TryGetValue(agent, out var slot))
            {
                return;
            }

            slot.State = state;
        }

        Dispatch();
    }

    /// <inheritdoc />
    public void Enqueue(RoutingRequest request)
    {
        string? rejected = null;
        lock (_gate)
        {
            _waiting.RemoveAll(w => w.Request.Interaction == request.Interaction);
            if (_queues.TryGetValue(request.Queue, out var q) && q.MaxLength > 0
                && _waiting.Count(w => w.Request.Queue == request.Queue) >= q.MaxLength)
            {
                if (q.OverflowQueue is { } overflow)
                {
                    _waiting.Add(new Waiting(request with { Queue = overflow }));
                    _ = Task.Run(() => _listener?.OnRequeued(request.Interaction, request.Queue, overflow, "queue-full"));
                }
                else
                {
                    rejected = "queue-full";
                }
            }
            else
            {
                _waiting.Add(new Waiting(request));
            }
        }

        if (rejected is not null)
        {
            _listener?.OnRejected(request.Interaction, request.Queue, rejected);
            return;
        }

        Dispatch();
    }

    /// <inheritdoc />
    public bool Remove(InteractionId interaction)
    {
        bool removed;
        lock (_gate)
        {
            removed = _waiting.RemoveAll(w => w.Request.Interaction == interaction) > 0;
            if (_offers.Remove(interaction, out var offer))
            {
                offer.Timer.Dispose();
                var slot = _agents[offer.Agent];
                slot.Load[offer.Request.Media]--;
                slot.Working.Remove(interaction);
                removed = true;
            }
        }

        Dispatch();
        return removed;
    }

    /// <inheritdoc />
    public bool TryAcceptOffer(InteractionId interaction, AgentId agent)
    {
        lock (_gate)
        {
            if (!_offers.TryGetValue(interaction, out var offer) || offer.Agent != agent)
            {
                return false;
            }

            _offers.Remove(interaction);
            offer.Timer.Dispose();
            return true;
        }
    }

    /// <inheritdoc />
    public void DeclineOffer(InteractionId interaction, AgentId agent) => Revoke(interaction, agent, notify: false);

    /// <inheritdoc />
    public void Restore(InteractionId interaction, AgentId agent, MediaType media)
    {
        lock (_gate)
        {
            if (_agents.TryGetValue(agent, out var slot) && slot.Working.TryAdd(interaction, media))
            {
                slot.Load[media]++;
            }
        }
    }

    /// <inheritdoc />
    public void Release(InteractionId interaction, AgentId agent)
    {
        lock (_gate)
        {
            if (_agents.TryGetValue(agent, out var slot))
            {
                if (slot.Working.Remove(interaction, out var media))
                {
                    slot.Load[media] = Math.Max(0, slot.Load[media] - 1);
                }

                slot.LastFreedAt = _time.GetUtcNow();
            }
        }

        Dispatch();
    }

    /// <inheritdoc />
    public QueuePosition? GetPosition(InteractionId interaction)
    {
        lock (_gate)
        {
            var index = Ordered().FindIndex(w => w.Request.Interaction == interaction);
            return index < 0 ? null : new QueuePosition(index + 1, null);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var offer in _offers.Values)
            {
                offer.Timer.Dispose();
            }

            _offers.Clear();
        }
    }

    private List<Waiting> Ordered()
        => [.. _waiting.OrderByDescending(w => w.Request.Priority).ThenBy(w => w.Request.EnqueuedAt)];

    private void Revoke(InteractionId interaction, AgentId agent, bool notify)
    {
        lock (_gate)
        {
            if (!_offers.TryGetValue(interaction, out var offer) || offer.Agent != agent)
            {
                return;
            }

            _offers.Remove(interaction);
            offer.Timer.Dispose();
            var slot = _agents[agent];
            slot.Load[offer.Request.Media]--;
            slot.Working.Remove(interaction);
            var back = new Waiting(offer.Request);
            back.Declined.UnionWith(offer.Declined);
            back.Declined.Add(agent);
            _waiting.Add(back);
        }

        if (notify)
        {
            _listener?.OnOfferExpired(interaction, agent);
        }

        Dispatch();
    }

    private void Dispatch()
    {
        var listener = _listener;
        if (listener is null)
        {
            return;
        }

        List<(InteractionId, AgentId, DateTimeOffset)>? made = null;
        lock (_gate)
        {
            foreach (var waiting in Ordered())
            {
                var agent = PickAgent(waiting);
                if (agent is null)
                {
                    continue;
                }

                _waiting.Remove(waiting);
                var request = waiting.Request;
                var timeout = _queues.TryGetValue(request.Queue, out var q) ? q.OfferTimeout : TimeSpan.FromSeconds(20);
                var expires = _time.GetUtcNow() + timeout;
                var id = request.Interaction;
                var agentId = agent.Definition.Id;
                var timer = _time.CreateTimer(_ => Revoke(id, agentId, notify: true), null, timeout, Timeout.InfiniteTimeSpan);
                _offers[id] = new Offer(request, agentId, timer, waiting.Declined);
                agent.Load[request.Media]++;
                agent.Working[id] = request.Media;
                (made ??= []).Add((id, agentId, expires));
            }
        }

        if (made is not null)
        {
            foreach (var (interaction, agent, expires) in made)
            {
                listener.OnOffered(interaction, agent, expires);
            }
        }
    }

    // Agents who declined or let the offer lapse are asked again only when nobody else can take it.
    private AgentSlot? PickAgent(Waiting waiting) => PickAgent(waiting, skipDeclined: true) ?? PickAgent(waiting, skipDeclined: false);

    private AgentSlot? PickAgent(Waiting waiting, bool skipDeclined)
    {
        var request = waiting.Request;
        _queues.TryGetValue(request.Queue, out var queue);
        AgentSlot? best = null;
        foreach (var slot in _agents.Values)
        {
            if (slot.State != AgentState.Available || (skipDeclined && waiting.Declined.Contains(slot.Definition.Id)))
            {
                continue;
            }

            var capacity = slot.Definition.Capacity.GetValueOrDefault(request.Media);
            if (slot.Load[request.Media] >= capacity)
            {
                continue;
            }

            if (request.Tenant is { } tenant ? !slot.Definition.Tenants.Contains(tenant) : slot.Definition.Tenants.Count > 0 && queue?.Tenant is not null)
            {
                continue;
            }

            if (queue is not null && !Qualifies(slot.Definition, queue))
            {
                continue;
            }

            if (request.PreferredAgent == slot.Definition.Id)
            {
                return slot;
            }

            if (best is null || slot.LastFreedAt < best.LastFreedAt)
            {
                best = slot;
            }
        }

        return best;
    }

    private static bool Qualifies(AgentDefinition agent, QueueDefinition queue)
    {
        foreach (var (skill, level) in queue.RequiredSkills)
        {
            if (!agent.Skills.TryGetValue(skill, out var has) || has < level)
            {
                return false;
            }
        }

        return queue.Language is null || agent.Languages.Contains(queue.Language);
    }

    private sealed class AgentSlot(AgentDefinition definition, DateTimeOffset now)
    {
        public AgentDefinition Definition { get; set; } = definition;

        public AgentState State { get; set; } = AgentState.Offline;

        public DateTimeOffset LastFreedAt { get; set; } = now;

        public Dictionary<MediaType, int> Load { get; } = Enum.GetValues<MediaType>().ToDictionary(m => m, _ => 0);

        public Dictionary<InteractionId, MediaType> Working { get; } = [];
    }

    private sealed record Waiting(RoutingRequest Request)
    {
        public HashSet<AgentId> Declined { get; } = [];
    }

    private sealed record Offer(RoutingRequest Request, AgentId Agent, ITimer Timer, HashSet<AgentId> Declined);
}
