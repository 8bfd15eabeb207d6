namespace ContactCenter.Routing.Benchmarks;

/// <summary>
/// The baseline: the same routing semantics as the engine for the benchmarked paths (tenant + skill pools,
/// longest idle, per-queue order by virtual arrival with priority aging, oldest head across an agent's queues,
/// offers with time-outs, accept, complete) written the ordinary way: one <c>lock</c>, BCL collections
/// (SortedSet, PriorityQueue, Dictionary), a class per interaction and per offer, callbacks outside the lock.
/// Same O(log n) algorithms, so the comparison isolates the engine's engineering, not its asymptotics.
/// </summary>
internal sealed class LockedTwinRouter : IRouter
{
    private readonly object _gate = new();
    private readonly TimeProvider _time = TimeProvider.System;
    private readonly int _partitions;
    private readonly TwinAgent[] _agents;
    private readonly TwinQueue[] _queues;
    private readonly Dictionary<long, TwinInteraction> _interactions = [];
    private readonly Dictionary<long, TwinOffer> _offers = [];
    private readonly SortedSet<(long Due, long Offer)> _timeouts = [];
    private readonly long _offerTimeoutTicks = TimeSpan.FromSeconds(30).Ticks;
    private long _sequence;
    private long _offerIds;

    [ThreadStatic]
    private static List<TwinOffer>? t_made;

    public LockedTwinRouter(Case c, int partitions)
    {
        _partitions = partitions;
        Inboxes = [.. Enumerable.Range(0, partitions).Select(_ => new OfferInbox())];
        var pools = new Dictionary<(int Tenant, int Skill), TwinPool>();
        TwinPool PoolFor(int tenant, int skill)
        {
            if (!pools.TryGetValue((tenant, skill), out var p))
            {
                pools[(tenant, skill)] = p = new TwinPool();
            }

            return p;
        }

        _queues = new TwinQueue[c.Queues];
        for (int q = 0; q < c.Queues; q++)
        {
            _queues[q] = new TwinQueue(q, PoolFor(Case.Partition(q, partitions), c.SkillOf(q)));
        }

        long now = Now();
        _agents = new TwinAgent[c.Agents];
        for (int a = 0; a < c.Agents; a++)
        {
            var agent = _agents[a] = new TwinAgent(a) { IdleSince = now };
            foreach (int s in c.SkillsOf(a))
            {
                var pool = PoolFor(Case.Partition(a, partitions), s);
                agent.Pools.Add(pool);
                pool.Available.Add((agent.IdleSince, a));
            }
        }
    }

    public OfferInbox[] Inboxes { get; }

    public void Enqueue(long interaction, int queue)
    {
        var made = t_made ??= [];
        lock (_gate)
        {
            long now = Now();
            FireTimeouts(now);
            var q = _queues[queue];
            var i = new TwinInteraction(interaction, q) { EnqueuedAt = now, Sequence = ++_sequence };
            i.Key = now - (i.Priority * TimeSpan.TicksPerMinute);
            _interactions.Add(interaction, i);
            if (q.Pool.Available.Count > 0)
            {
                var (_, agent) = q.Pool.Available.Min;
                made.Add(Reserve(_agents[agent], i, now));
            }
            else
            {
                Wait(i);
            }
        }

        Deliver(made);
    }

    public bool Accept(long offer)
    {
        lock (_gate)
        {
            if (!_offers.Remove(offer, out var o) || o.Interaction.State != TwinState.Offered)
            {
                return false;
            }

            _timeouts.Remove((o.Due, o.Id));

            o.Interaction.State = TwinState.Connected;
            return true;
        }
    }

    public void Complete(long interaction)
    {
        var made = t_made ??= [];
        lock (_gate)
        {
            long now = Now();
            FireTimeouts(now);
            if (!_interactions.Remove(interaction, out var i) || i.State != TwinState.Connected)
            {
                return;
            }

            var agent = i.Agent!;
            agent.Busy = false;
            agent.IdleSince = now;
            FreeAgent(agent, now, made);
        }

        Deliver(made);
    }

    public void Dispose()
    {
    }

    private void FreeAgent(TwinAgent agent, long now, List<TwinOffer> made)
    {
        // Agent-freed path: the oldest head (by virtual arrival) across the agent's pools.
        TwinQueue? best = null;
        (long Key, long Seq) bestKey = (long.MaxValue, long.MaxValue);
        foreach (var pool in agent.Pools)
        {
            if (pool.Heads.Count == 0)
            {
                continue;
            }

            var (key, seq, queue) = pool.Heads.Min;
            if (key < bestKey.Key || (key == bestKey.Key && seq < bestKey.Seq))
            {
                bestKey = (key, seq);
                best = _queues[queue];
            }
        }

        if (best is not null)
        {
            var head = best.Waiting.Dequeue();
            best.Pool.Heads.Remove((head.Key, head.Sequence, best.Id));
            if (best.Waiting.TryPeek(out var next, out _))
            {
                best.Pool.Heads.Add((next.Key, next.Sequence, best.Id));
            }

            made.Add(Reserve(agent, head, now));
            return;
        }

        foreach (var pool in agent.Pools)
        {
            pool.Available.Add((agent.IdleSince, agent.Index));
        }
    }

    private void Wait(TwinInteraction i)
    {
        var q = i.Queue;
        bool hadHead = q.Waiting.TryPeek(out var oldHead, out _);
        q.Waiting.Enqueue(i, (i.Key, i.Sequence));
        q.Waiting.TryPeek(out var newHead, out _);
        if (!hadHead || oldHead != newHead)
        {
            if (hadHead)
            {
                q.Pool.Heads.Remove((oldHead!.Key, oldHead.Sequence, q.Id));
            }

            q.Pool.Heads.Add((newHead!.Key, newHead.Sequence, q.Id));
        }
    }

    private TwinOffer Reserve(TwinAgent agent, TwinInteraction i, long now)
    {
        agent.Busy = true;
        foreach (var pool in agent.Pools)
        {
            pool.Available.Remove((agent.IdleSince, agent.Index));
        }

        agent.IdleSince = now;
        i.State = TwinState.Offered;
        i.Agent = agent;
        var offer = new TwinOffer(++_offerIds, i, agent, now + _offerTimeoutTicks);
        _offers.Add(offer.Id, offer);
        _timeouts.Add((offer.Due, offer.Id));
        return offer;
    }

    private void FireTimeouts(long now)
    {
        while (_timeouts.Count > 0 && _timeouts.Min.Due <= now)
        {
            long id = _timeouts.Min.Offer;
            _timeouts.Remove(_timeouts.Min);
            if (_offers.Remove(id, out var o) && o.Interaction.State == TwinState.Offered)
            {
                var agent = o.Agent;
                agent.Busy = false;
                o.Interaction.State = TwinState.Waiting;
                Wait(o.Interaction);
                foreach (var pool in agent.Pools)
                {
                    pool.Available.Add((agent.IdleSince, agent.Index));
                }
            }
        }
    }

    private void Deliver(List<TwinOffer> made)
    {
        foreach (var o in made)
        {
            Inboxes[Case.Partition(o.Agent.Index, _partitions)].Push(o.Id, o.Interaction.Id, o.Agent.Index);
        }

        made.Clear();
    }

    private long Now() => _time.GetTimestamp() / (_time.TimestampFrequency / TimeSpan.TicksPerSecond);

    private enum TwinState
    {
        Waiting,
        Offered,
        Connected,
    }

    private sealed class TwinPool
    {
        public SortedSet<(long IdleSince, int Agent)> Available { get; } = [];

        public SortedSet<(long Key, long Seq, int Queue)> Heads { get; } = [];
    }

    private sealed class TwinQueue(int id, TwinPool pool)
    {
        public int Id { get; } = id;

        public TwinPool Pool { get; } = pool;

        public PriorityQueue<TwinInteraction, (long, long)> Waiting { get; } = new();
    }

    private sealed class TwinAgent(int index)
    {
        public int Index { get; } = index;

        public List<TwinPool> Pools { get; } = [];

        public long IdleSince { get; set; }

        public bool Busy { get; set; }
    }

    private sealed class TwinInteraction(long id, TwinQueue queue)
    {
        public long Id { get; } = id;

        public TwinQueue Queue { get; } = queue;

        public int Priority { get; }

        public long EnqueuedAt { get; set; }

        public long Sequence { get; set; }

        public long Key { get; set; }

        public TwinState State { get; set; }

        public TwinAgent? Agent { get; set; }
    }

    private sealed record TwinOffer(long Id, TwinInteraction Interaction, TwinAgent Agent, long Due);
}
