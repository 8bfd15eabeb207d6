using ContactCenter.Core.Agents;

namespace ContactCenter.Core.Hub;

/// <summary>
/// What a supervisor asks of <see cref="IContactCenter"/>: queues and agents with their live state, per-queue numbers,
/// and the supervisor feed (presence changes, service-level breaches). Queries run as commands on the loop, so each
/// answer is one consistent view of the interactions the loop owns.
/// </summary>
internal sealed partial class InteractionHub
{
    public Task<IReadOnlyList<QueueOverview>> GetQueuesAsync(CancellationToken cancellationToken = default)
        => ExecuteAsync(tx =>
        {
            var statistics = ComputeQueueStatistics(tx.Now);
            IReadOnlyList<QueueOverview> queues = [.. _options.Queues.Select(q => new QueueOverview(q, statistics[q.Id]))];
            return ValueTask.FromResult(queues);
        }, cancellationToken);

    public Task<LiveQueueStatistics> GetQueueStatisticsAsync(QueueId queue, CancellationToken cancellationToken = default)
        => ExecuteAsync(tx => _queues.ContainsKey(queue)
            ? ValueTask.FromResult(ComputeQueueStatistics(tx.Now)[queue])
            : throw new ContactCenterException($"Queue '{queue}' is not configured (ContactCenter:Queues)."), cancellationToken);

    public Task<IReadOnlyList<AgentOverview>> GetAgentsAsync(CancellationToken cancellationToken = default)
        => ExecuteAsync(_ =>
        {
            IReadOnlyList<AgentOverview> agents = [.. _agents.Values
                .OrderBy(a => a.Definition.Id.Value, StringComparer.Ordinal)
                .Select(a => new AgentOverview(
                    a.Definition,
                    a.State,
                    a.StateReason,
                    ActivityOf(a),
                    [.. a.Offers.Keys.Where(i => _active.IsOfferedTo(i, a.Definition.Id)).OrderBy(i => i.ToString(), StringComparer.Ordinal)],
                    [.. a.Assigned.OrderBy(i => i.ToString(), StringComparer.Ordinal)]))];
            return ValueTask.FromResult(agents);
        }, cancellationToken);

    public IAsyncEnumerable<SupervisorEvent> SubscribeSupervisorAsync(CancellationToken cancellationToken = default)
        => _supervisor.Subscribe(cancellationToken);

    /// <summary>Counts every configured queue's waiting interactions and the activity of the agents who can serve it.</summary>
    private Dictionary<QueueId, LiveQueueStatistics> ComputeQueueStatistics(DateTimeOffset now)
    {
        var waiting = new Dictionary<QueueId, (int Count, DateTimeOffset Oldest)>();
        foreach (var interaction in _active.All)
        {
            if (interaction.Queue is { } q && _active.WaitingSince(interaction.Id) is { } since)
            {
                var (count, oldest) = waiting.GetValueOrDefault(q, (0, DateTimeOffset.MaxValue));
                waiting[q] = (count + 1, since < oldest ? since : oldest);
            }
        }

        var activities = _agents.Values.Where(a => a.State != AgentState.Offline).Select(a => (a.Definition, Activity: ActivityOf(a))).ToArray();
        var result = new Dictionary<QueueId, LiveQueueStatistics>(_queues.Count);
        foreach (var queue in _queues.Values)
        {
            var (count, oldest) = waiting.GetValueOrDefault(queue.Id, (0, DateTimeOffset.MaxValue));
            int available = 0, busy = 0, wrapUp = 0, away = 0;
            foreach (var (definition, activity) in activities)
            {
                if (!Serves(definition, queue))
                {
                    continue;
                }

                switch (activity)
                {
                    case AgentActivity.Available: available++; break;
                    case AgentActivity.Busy: busy++; break;
                    case AgentActivity.WrapUp: wrapUp++; break;
                    case AgentActivity.Away: away++; break;
                }
            }

            var oldestWait = count == 0 || oldest > now ? TimeSpan.Zero : now - oldest;
            result[queue.Id] = new LiveQueueStatistics(queue.Id, count, oldestWait, available, busy, wrapUp, away);
        }

        return result;
    }

    /// <summary>Whether the agent could be offered the queue's work: its required skills at their levels, its tenant, its language.</summary>
    private static bool Serves(AgentDefinition agent, QueueDefinition queue)
    {
        foreach (var (skill, level) in queue.RequiredSkills)
        {
            if (!agent.Skills.TryGetValue(skill, out var has) || has < level)
            {
                return false;
            }
        }

        return (queue.Tenant is not { } tenant || agent.Tenants.Contains(tenant))
            && (queue.Language is null || agent.Languages.Count == 0 || agent.Languages.Contains(queue.Language));
    }

    /// <summary>Break is away; connected work (or presence Busy) is busy; work in wrap-up (or presence WrapUp) is wrap-up.</summary>
    private AgentActivity ActivityOf(AgentRuntime agent)
    {
        if (agent.State == AgentState.Offline)
        {
            return AgentActivity.Offline;
        }

        if (agent.State == AgentState.Break)
        {
            return AgentActivity.Away;
        }

        bool connected = false, wrapping = false;
        foreach (var id in agent.Assigned)
        {
            var state = _active.GetValueOrDefault(id)?.State;
            connected |= state == InteractionState.Connected;
            wrapping |= state == InteractionState.WrapUp;
        }

        return connected || agent.State == AgentState.Busy ? AgentActivity.Busy
            : wrapping || agent.State == AgentState.WrapUp ? AgentActivity.WrapUp
            : AgentActivity.Available;
    }

    /// <summary>
    /// Starts the service-level timer of an interaction that entered a queue at <paramref name="since"/> (after the
    /// commit, on the loop). When the target passes and the interaction still waits there, supervisors are told once.
    /// </summary>
    private void WatchServiceLevel(InteractionId interaction, QueueId queue, DateTimeOffset since, TimeSpan target)
    {
        if (_serviceLevelTimers.Remove(interaction, out var previous))
        {
            previous.Timer.Dispose();
        }

        var due = since + target - _time.GetUtcNow();
        var timer = _time.CreateTimer(
            _ => Post(tx =>
            {
                if (!_serviceLevelTimers.TryGetValue(interaction, out var current) || current.Since != since)
                {
                    return;
                }

                _serviceLevelTimers.Remove(interaction);
                current.Timer.Dispose();
                if (_active.TryGetValue(interaction, out var waiting) && waiting.Queue == queue && _active.WaitingSince(interaction) == since)
                {
                    var breached = new ServiceLevelBreachedEvent { Timestamp = since + target, InteractionId = interaction, Queue = queue, WaitingSince = since, Target = target };
                    tx.After(() => _supervisor.Publish(breached));
                }
            }),
            null,
            due < TimeSpan.Zero ? TimeSpan.Zero : due,
            Timeout.InfiniteTimeSpan);
        _serviceLevelTimers[interaction] = (timer, since);
    }

    /// <summary>A recovered waiting interaction is watched again, from the time the store last changed it (it keeps no "queued since").</summary>
    private void WatchServiceLevelAfterRestart(HubTransaction tx, InteractionId interaction)
    {
        if (_active.TryGetValue(interaction, out var current) && current.Queue is { } queue && _active.WaitingSince(interaction) is { } since
            && _queues.TryGetValue(queue, out var definition) && definition.ServiceLevelTarget > TimeSpan.Zero)
        {
            tx.After(() => WatchServiceLevel(interaction, queue, since, definition.ServiceLevelTarget));
        }
    }

    /// <summary>After the loop stopped (it owns the timers): no breach is reported for a stopped contact center.</summary>
    private void StopServiceLevelTimers()
    {
        foreach (var (timer, _) in _serviceLevelTimers.Values)
        {
            timer.Dispose();
        }

        _serviceLevelTimers.Clear();
    }
}
