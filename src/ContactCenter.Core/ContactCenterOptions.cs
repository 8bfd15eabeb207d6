using System.Collections.Immutable;

namespace ContactCenter.Core;

/// <summary>
/// What the contact center is made of: queues, agents, tenants, wrap-up codes and where new interactions go.
/// Validated at start; every problem is reported together.
/// </summary>
public sealed class ContactCenterOptions
{
    /// <summary>The configuration section name this binds to.</summary>
    public const string SectionName = "ContactCenter";

    /// <summary>Queues by id.</summary>
    public List<QueueDefinition> Queues { get; } = [];

    /// <summary>Agents known at start (more can log in if <see cref="AllowUnknownAgents"/>).</summary>
    public List<AgentDefinition> Agents { get; } = [];

    /// <summary>Tenants (client projects).</summary>
    public List<TenantDefinition> Tenants { get; } = [];

    /// <summary>Wrap-up codes agents may choose. Empty: any code is accepted.</summary>
    public List<WrapUpCode> WrapUpCodes { get; } = [];

    /// <summary>The queue for a channel's new interactions when no flow takes them (channel name → queue).</summary>
    public Dictionary<string, QueueId> ChannelQueues { get; } = new(StringComparer.Ordinal);

    /// <summary>The queue for new interactions of channels not in <see cref="ChannelQueues"/>. Default: the first queue.</summary>
    public QueueId? DefaultQueue { get; set; }

    /// <summary>
    /// The one rule for where a channel's interaction waits when nothing else names a queue: its channel's queue, else
    /// <see cref="DefaultQueue"/>, else the first queue. The hub uses it for new interactions, the flows for their
    /// fallback and for transfers to an agent.
    /// </summary>
    internal QueueId? QueueForChannel(string channel)
        => ChannelQueues.TryGetValue(channel, out var queue) ? queue : DefaultQueue ?? (Queues.Count > 0 ? Queues[0].Id : null);

    /// <summary>Whether an agent not in <see cref="Agents"/> may log in (with default capacity and no skills). Default <see langword="false"/>.</summary>
    public bool AllowUnknownAgents { get; set; }

    /// <summary>Most inbound messages and commands written in one store commit. Default 256.</summary>
    public int MaxBatchSize { get; set; } = 256;

    /// <summary>Most inbound messages waiting to be written before <c>AcceptAsync</c> waits (back-pressure). Default 10,000.</summary>
    public int IngestQueueCapacity { get; set; } = 10_000;

    /// <summary>How many times an outbound message is tried before it is recorded as not delivered. Default 3.</summary>
    public int DeliveryAttempts { get; set; } = 3;

    /// <summary>Wait before the second delivery attempt; doubled for each further attempt. Default 1 s.</summary>
    public TimeSpan DeliveryRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Returns every problem, each naming the option.</summary>
    public IEnumerable<string> Validate()
    {
        if (MaxBatchSize is < 1 or > 10_000)
        {
            yield return $"ContactCenter:MaxBatchSize must be between 1 and 10000 (was {MaxBatchSize}).";
        }

        if (IngestQueueCapacity < 1)
        {
            yield return $"ContactCenter:IngestQueueCapacity must be positive (was {IngestQueueCapacity}).";
        }

        if (DeliveryAttempts < 1)
        {
            yield return $"ContactCenter:DeliveryAttempts must be at least 1 (was {DeliveryAttempts}).";
        }

        if (DeliveryRetryDelay < TimeSpan.Zero)
        {
            yield return "ContactCenter:DeliveryRetryDelay must not be negative.";
        }

        var queueIds = new HashSet<QueueId>();
        var tenants = Tenants.Select(t => t.Id).ToImmutableHashSet();
        foreach (var q in Queues)
        {
            if (string.IsNullOrWhiteSpace(q.Id.Value))
            {
                yield return "ContactCenter:Queues: a queue has no Id.";
                continue;
            }

            if (!queueIds.Add(q.Id))
            {
                yield return $"ContactCenter:Queues:{q.Id}: the queue id is used twice.";
            }

            if (q.MaxLength < 0)
            {
                yield return $"ContactCenter:Queues:{q.Id}:MaxLength must not be negative.";
            }

            if (q.OfferTimeout <= TimeSpan.Zero)
            {
                yield return $"ContactCenter:Queues:{q.Id}:OfferTimeout must be positive.";
            }

            if (q.Tenant is { } t && !tenants.Contains(t))
            {
                yield return $"ContactCenter:Queues:{q.Id}:Tenant '{t}' is not a configured tenant.";
            }

            foreach (var (skill, level) in q.RequiredSkills)
            {
                if (level is < 0 or > 10)
                {
                    yield return $"ContactCenter:Queues:{q.Id}:RequiredSkills:{skill} level must be between 0 and 10 (was {level}).";
                }
            }
        }

        foreach (var q in Queues)
        {
            if (q.OverflowQueue is { } o && !queueIds.Contains(o))
            {
                yield return $"ContactCenter:Queues:{q.Id}:OverflowQueue '{o}' is not a configured queue.";
            }
        }

        var agentIds = new HashSet<AgentId>();
        foreach (var a in Agents)
        {
            if (string.IsNullOrWhiteSpace(a.Id.Value))
            {
                yield return "ContactCenter:Agents: an agent has no Id.";
                continue;
            }

            if (!agentIds.Add(a.Id))
            {
                yield return $"ContactCenter:Agents:{a.Id}: the agent id is used twice.";
            }

            foreach (var (media, capacity) in a.Capacity)
            {
                if (capacity < 0)
                {
                    yield return $"ContactCenter:Agents:{a.Id}:Capacity:{media} must not be negative.";
                }
            }

            foreach (var t in a.Tenants)
            {
                if (!tenants.Contains(t))
                {
                    yield return $"ContactCenter:Agents:{a.Id}:Tenants: '{t}' is not a configured tenant.";
                }
            }
        }

        foreach (var (channel, queue) in ChannelQueues)
        {
            if (!queueIds.Contains(queue))
            {
                yield return $"ContactCenter:ChannelQueues:{channel}: queue '{queue}' is not configured.";
            }
        }

        if (DefaultQueue is { } d && !queueIds.Contains(d))
        {
            yield return $"ContactCenter:DefaultQueue '{d}' is not a configured queue.";
        }
    }
}
