using ContactCenter.Routing.Internal;
using ContactCenter.Routing.Strategies;

namespace ContactCenter.Routing;

// Configuration (queues, agents, pools) and queries. Runs in the loop's turn; allocation is fine here.
public sealed partial class RoutingEngine
{
    private readonly Dictionary<QueueSlot, QueueState> _queues = [];
    private readonly Dictionary<AgentSlot, AgentRecord> _agents = [];

    // Removed agents that still hold connected or wrap-up work: added back, they are the same agent, and that
    // work keeps counting against their capacity until it is completed.
    private readonly Dictionary<AgentSlot, AgentRecord> _departed = [];
    private readonly Dictionary<string, AgentPool> _pools = new(StringComparer.Ordinal);
    private readonly List<AgentPool> _poolList = [];
    private readonly Dictionary<RoutingStrategyOptions, (AgentSelectionStrategy Strategy, int Id)> _strategies = new(ReferenceEqualityComparer.Instance);
    private int _agentIndex;

    private void ApplyQueue(QueueOptions o, long now)
    {
        List<InteractionNode>? displaced = null;
        if (_queues.TryGetValue(o.Id, out var q))
        {
            foreach (var tier in q.Tiers)
            {
                while (tier.Waiting.Count > 0)
                {
                    var node = tier.Waiting.Head;
                    RemoveWaiting(node);
                    (displaced ??= []).Add(node);
                }
            }
        }
        else
        {
            q = new QueueState(o.Id);
            _queues.Add(o.Id, q);
        }

        var (strategy, strategyId) = GetStrategy(o.Strategy ?? _defaultStrategy);
        q.Tenant = o.Tenant;
        q.Media = o.Media;
        q.PriorityStepTicks = o.Aging == AgingRule.None ? TimeSpan.TicksPerDay * 10 : o.PriorityStep.Ticks;
        q.Weight = o.Weight;
        q.ServiceLevelTicks = o.ServiceLevelTarget.Ticks;
        q.WrapUpTicks = o.WrapUpTime.Ticks;
        q.OfferTimeoutTicks = o.OfferTimeout?.Ticks ?? 0;
        q.MaxLength = o.MaxLength;
        q.DefaultPriority = o.DefaultPriority;
        q.WhenFull = o.WhenFull;
        q.WhenNoAgents = o.WhenNoAgents;
        q.OverflowQueue = o.OverflowQueue;
        q.AverageHandleTicks = o.AverageHandleTime.Ticks;

        var skills = o.RequiredSkills.ToArray();
        string? language = o.Language;
        var tiers = new Subqueue[o.Escalation.Count + 1];
        var steps = new CompiledStep[o.Escalation.Count];
        tiers[0] = new Subqueue(q, 0, GetPool(new Requirements(o.Tenant, o.Media, language, skills, strategyId), strategy, now));
        for (int i = 0; i < o.Escalation.Count; i++)
        {
            var s = o.Escalation[i];
            skills = [.. skills
                .Where(r => !s.RemoveSkills.Contains(r.Skill))
                .Select(r => r with { MinLevel = Math.Max(0, r.MinLevel - s.LowerLevelsBy) })];
            if (s.IgnoreLanguage)
            {
                language = null;
            }

            tiers[i + 1] = new Subqueue(q, i + 1, GetPool(new Requirements(o.Tenant, o.Media, language, skills, strategyId), strategy, now));
            steps[i] = new CompiledStep(s.AfterWait?.Ticks ?? -1, s.QueueLengthAtLeast ?? 0, s.OverflowTo);
        }

        q.Tiers = tiers;
        q.Steps = steps;

        if (displaced is not null)
        {
            foreach (var node in displaced)
            {
                node.Tier = Math.Min(node.Tier, tiers.Length - 1);
                node.NextStep = Math.Min(node.NextStep, steps.Length);
                node.Key = node.EnqueuedTicks - (node.Priority * q.PriorityStepTicks);
                if (Escalate(node, now, 0))
                {
                    Place(node, now);
                }
            }
        }
    }

    private (AgentSelectionStrategy Strategy, int Id) GetStrategy(RoutingStrategyOptions options)
    {
        if (!_strategies.TryGetValue(options, out var entry))
        {
            entry = (options.CreateStrategy(), _strategies.Count);
            _strategies.Add(options, entry);
        }

        return entry;
    }

    private AgentPool GetPool(Requirements requirements, AgentSelectionStrategy strategy, long now)
    {
        if (_pools.TryGetValue(requirements.Key, out var pool))
        {
            return pool;
        }

        pool = new AgentPool(requirements, strategy);
        _pools.Add(requirements.Key, pool);
        _poolList.Add(pool);
        foreach (var a in _agents.Values)
        {
            if (requirements.Matches(a, out int score))
            {
                Join(a, pool, score);
                var m = a.Memberships[a.MembershipCount - 1];
                if (a.CanAccept(pool.Media))
                {
                    strategy.ComputeKey(a, m.SkillScore, now, out long primary, out long secondary);
                    pool.Upsert(m.Slot, primary, secondary);
                }
            }
        }

        return pool;
    }

    private static void Join(AgentRecord a, AgentPool pool, int score)
    {
        a.AddMembership(pool, score);
        if (a.Presence != AgentPresence.Offline)
        {
            pool.LoggedIn++;
        }
    }

    private void ApplyAgent(AgentOptions o, long now)
    {
        bool existed = _agents.TryGetValue(o.Id, out AgentRecord? a);
        if (a is not null)
        {
            DropMemberships(a);
        }
        else if (_departed.Remove(o.Id, out a))
        {
            a.Removed = false;
            a.Presence = o.InitialPresence;
            a.PresenceReason = null;
            a.Missed = 0;
            _agents.Add(o.Id, a);
        }
        else
        {
            a = new AgentRecord(o.Id, _agentIndex++) { Presence = o.InitialPresence, IdleSince = now };
            a.LastStatus = a.Status;
            _agents.Add(o.Id, a);
        }

        a.Tenants = [.. o.Tenants.Distinct()];
        a.Skills = o.Skills.ToDictionary(s => s.Skill.Value, s => s.Level);
        a.Languages = [.. o.Languages];
        a.TotalCapacity = 0;
        for (int m = 0; m < 4; m++)
        {
            a.Capacity[m] = o.Capacity.For((RoutingMedia)m);
            a.TotalCapacity += a.Capacity[m];
        }
        a.CallInterruptsChats = o.CallInterruptsChats;
        a.Weight = o.Weight;
        a.WrapUpTicks = o.WrapUpTime?.Ticks ?? -1;
        foreach (var pool in _poolList)
        {
            if (pool.Requirements.Matches(a, out int score))
            {
                Join(a, pool, score);
            }
        }

        RefreshAgent(a, now);
        if (existed)
        {
            ReplacePreferred(a, now);
        }

        MatchAgent(a, now);
    }

    /// <summary>
    /// New skills or languages may no longer meet the requirements of what waits for the agent as preferred
    /// agent: place those interactions again (each keeps its preference only if the agent still qualifies).
    /// </summary>
    private void ReplacePreferred(AgentRecord a, long now)
    {
        List<InteractionNode>? waiting = null;
        for (int m = 0; m < 4; m++)
        {
            var heap = a.Preferred[m];
            while (heap is { Count: > 0 })
            {
                var node = heap.Head;
                RemoveWaiting(node);
                (waiting ??= []).Add(node);
            }
        }

        if (waiting is null)
        {
            return;
        }

        foreach (var node in waiting)
        {
            Place(node, now);
        }
    }

    private static void DropMemberships(AgentRecord a)
    {
        for (int i = 0; i < a.MembershipCount; i++)
        {
            var pool = a.Memberships[i].Pool;
            pool.Leave(a.Memberships[i].Slot);
            if (a.Presence != AgentPresence.Offline)
            {
                pool.LoggedIn--;
            }
        }

        a.Memberships = [];
        a.MembershipCount = 0;
    }

    private bool TryGetWaitEstimateCore(long id, long now, out WaitEstimate estimate)
    {
        if (!_interactions.TryGetValue(id, out var node) || node.State != NodeState.Waiting || node.Heap is null)
        {
            estimate = default;
            return false;
        }

        var q = node.Queue;
        int ahead = 0;
        if (node.Heap.Owner is null)
        {
            ahead = node.Heap.CountBefore(node.Key, node.Sequence);
        }
        else
        {
            foreach (var tier in q.Tiers)
            {
                ahead += tier.Waiting.CountBefore(node.Key, node.Sequence);
            }
        }

        int position = ahead + 1;
        double interval = q.AssignIntervalTicks > 0 ? q.AssignIntervalTicks : (double)q.AverageHandleTicks / Math.Max(1, q.LoggedIn);
        estimate = new WaitEstimate
        {
            Queue = q.Id,
            Position = position,
            Waiting = q.Waiting,
            Waited = TimeSpan.FromTicks(now - node.EnqueuedTicks),
            EstimatedWait = TimeSpan.FromTicks((long)Math.Min(position * interval, TimeSpan.MaxValue.Ticks / 2)),
        };
        return true;
    }
}
