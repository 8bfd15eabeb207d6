namespace ContactCenter;

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

    /// <summary>Lowest skill level of an agent or of a queue's requirement (0: none).</summary>
    public const int MinSkillLevel = 0;

    /// <summary>Highest skill level of an agent or of a queue's requirement (10: expert).</summary>
    public const int MaxSkillLevel = 10;

    /// <summary>
    /// Returns every problem, each naming the section, the item and the option and saying what is allowed
    /// (<see cref="ConfigurationProblem.Format"/>). A contact center with no queue is a problem whatever the router:
    /// the hub sends every new interaction that no flow takes to a configured queue, so without one it would stay
    /// <c>New</c> for ever.
    /// </summary>
    public IEnumerable<string> Validate()
    {
        const string queues = SectionName + ":" + nameof(Queues);
        const string agents = SectionName + ":" + nameof(Agents);
        const string tenantsSection = SectionName + ":" + nameof(Tenants);
        const string wrapUps = SectionName + ":" + nameof(WrapUpCodes);
        const string skillLevels = "0 to 10 (0 = none, 10 = expert)";
        if (MaxBatchSize is < 1 or > 10_000)
        {
            yield return ConfigurationProblem.Format(SectionName, null, nameof(MaxBatchSize), $"out of range (was {MaxBatchSize})", "1 to 10000");
        }

        if (IngestQueueCapacity < 1)
        {
            yield return ConfigurationProblem.Format(SectionName, null, nameof(IngestQueueCapacity), $"must be positive (was {IngestQueueCapacity})", "1 or more");
        }

        if (DeliveryAttempts < 1)
        {
            yield return ConfigurationProblem.Format(SectionName, null, nameof(DeliveryAttempts), $"must be at least 1 (was {DeliveryAttempts})", "1 or more");
        }

        if (DeliveryRetryDelay < TimeSpan.Zero)
        {
            yield return ConfigurationProblem.Format(SectionName, null, nameof(DeliveryRetryDelay), $"must not be negative (was {DeliveryRetryDelay})", "00:00:00 or longer");
        }

        var tenants = new HashSet<TenantId>();
        foreach (var t in Tenants)
        {
            if (string.IsNullOrWhiteSpace(t.Id.Value))
            {
                yield return ConfigurationProblem.Format(tenantsSection, null, null, "a tenant has no Id", "a non-empty id");
            }
            else if (!tenants.Add(t.Id))
            {
                yield return ConfigurationProblem.Format(tenantsSection, t.Id.Value, nameof(TenantDefinition.Id), "the tenant id is used twice", "each id once");
            }
        }

        var tenantList = tenants.Count == 0 ? "none configured (ContactCenter:Tenants)" : string.Join(", ", tenants.Select(t => $"'{t}'").Order(StringComparer.Ordinal));
        if (Queues.Count == 0)
        {
            yield return ConfigurationProblem.Format(queues, null, null,
                "no queue is configured, so new interactions no flow takes would stay New for ever",
                "at least one queue (AddQueue, or ContactCenter:Queues in configuration)");
        }

        var queueIds = new HashSet<QueueId>();
        foreach (var q in Queues)
        {
            if (string.IsNullOrWhiteSpace(q.Id.Value))
            {
                yield return ConfigurationProblem.Format(queues, null, nameof(QueueDefinition.Id), "a queue has no Id", "a non-empty id");
                continue;
            }

            var id = q.Id.Value;
            if (!queueIds.Add(q.Id))
            {
                yield return ConfigurationProblem.Format(queues, id, nameof(QueueDefinition.Id), "the queue id is used twice", "each id once");
            }

            if (q.MaxLength < 0)
            {
                yield return ConfigurationProblem.Format(queues, id, nameof(QueueDefinition.MaxLength), $"must not be negative (was {q.MaxLength})", "0 (no limit) or more");
            }

            if (q.OfferTimeout <= TimeSpan.Zero)
            {
                yield return ConfigurationProblem.Format(queues, id, nameof(QueueDefinition.OfferTimeout), $"must be positive (was {q.OfferTimeout})", "a time span longer than 00:00:00");
            }

            if (q.ServiceLevelTarget < TimeSpan.Zero)
            {
                yield return ConfigurationProblem.Format(queues, id, nameof(QueueDefinition.ServiceLevelTarget), $"must not be negative (was {q.ServiceLevelTarget})", "00:00:00 or longer");
            }

            if (q.Priority is < 0 or > ContactCenter.Routing.RoutingLimits.MaxPriority)
            {
                yield return ConfigurationProblem.Format(queues, id, nameof(QueueDefinition.Priority), $"out of range (was {q.Priority})", $"0 to {ContactCenter.Routing.RoutingLimits.MaxPriority}");
            }

            if (q.Language is not null && string.IsNullOrWhiteSpace(q.Language))
            {
                yield return ConfigurationProblem.Format(queues, id, nameof(QueueDefinition.Language), "is blank", "a language tag such as 'en', or no language");
            }

            if (q.Tenant is { } t && !tenants.Contains(t))
            {
                yield return ConfigurationProblem.Format(queues, id, nameof(QueueDefinition.Tenant), $"'{t}' is not a configured tenant", tenantList);
            }

            foreach (var (skill, level) in q.RequiredSkills)
            {
                if (string.IsNullOrWhiteSpace(skill))
                {
                    yield return ConfigurationProblem.Format(queues, id, nameof(QueueDefinition.RequiredSkills), "a required skill has no name", "non-empty skill names");
                }
                else if (level is < MinSkillLevel or > MaxSkillLevel)
                {
                    yield return ConfigurationProblem.Format(queues, id, $"{nameof(QueueDefinition.RequiredSkills)}:{skill}", $"level {level} is out of range", skillLevels);
                }
            }
        }

        var queueList = queueIds.Count == 0 ? "none configured (ContactCenter:Queues)" : string.Join(", ", queueIds.Select(q => $"'{q}'").Order(StringComparer.Ordinal));
        foreach (var q in Queues)
        {
            if (q.OverflowQueue is { } o && (!queueIds.Contains(o) || o == q.Id))
            {
                yield return ConfigurationProblem.Format(queues, q.Id.Value, nameof(QueueDefinition.OverflowQueue),
                    o == q.Id ? "names the queue itself" : $"'{o}' is not a configured queue", "another configured queue: " + queueList);
            }
        }

        var agentIds = new HashSet<AgentId>();
        foreach (var a in Agents)
        {
            if (string.IsNullOrWhiteSpace(a.Id.Value))
            {
                yield return ConfigurationProblem.Format(agents, null, nameof(AgentDefinition.Id), "an agent has no Id", "a non-empty id");
                continue;
            }

            var id = a.Id.Value;
            if (!agentIds.Add(a.Id))
            {
                yield return ConfigurationProblem.Format(agents, id, nameof(AgentDefinition.Id), "the agent id is used twice", "each id once");
            }

            foreach (var (skill, level) in a.Skills)
            {
                if (string.IsNullOrWhiteSpace(skill))
                {
                    yield return ConfigurationProblem.Format(agents, id, nameof(AgentDefinition.Skills), "a skill has no name", "non-empty skill names");
                }
                else if (level is < MinSkillLevel or > MaxSkillLevel)
                {
                    yield return ConfigurationProblem.Format(agents, id, $"{nameof(AgentDefinition.Skills)}:{skill}", $"level {level} is out of range", skillLevels);
                }
            }

            if (a.Languages.Any(string.IsNullOrWhiteSpace))
            {
                yield return ConfigurationProblem.Format(agents, id, nameof(AgentDefinition.Languages), "contains a blank language", "language tags such as 'en'");
            }

            foreach (var (media, capacity) in a.Capacity)
            {
                if (!Enum.IsDefined(media))
                {
                    yield return ConfigurationProblem.Format(agents, id, nameof(AgentDefinition.Capacity), $"'{media}' is not a media type", string.Join(", ", Enum.GetNames<MediaType>()));
                }
                else if (capacity < 0)
                {
                    yield return ConfigurationProblem.Format(agents, id, $"{nameof(AgentDefinition.Capacity)}:{media}", $"must not be negative (was {capacity})", "0 (takes none) or more");
                }
            }

            foreach (var t in a.Tenants)
            {
                if (!tenants.Contains(t))
                {
                    yield return ConfigurationProblem.Format(agents, id, nameof(AgentDefinition.Tenants), $"'{t}' is not a configured tenant", tenantList);
                }
            }
        }

        var codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < WrapUpCodes.Count; i++)
        {
            var code = WrapUpCodes[i].Code;
            if (string.IsNullOrWhiteSpace(code))
            {
                yield return ConfigurationProblem.Format(wrapUps, i.ToString(System.Globalization.CultureInfo.InvariantCulture), nameof(WrapUpCode.Code), "a wrap-up code is blank", "a non-empty code");
            }
            else if (!codes.Add(code))
            {
                yield return ConfigurationProblem.Format(wrapUps, code, nameof(WrapUpCode.Code), "the wrap-up code is listed twice (codes are compared ignoring case)", "each code once");
            }
        }

        foreach (var (channel, queue) in ChannelQueues)
        {
            if (!queueIds.Contains(queue))
            {
                yield return ConfigurationProblem.Format(SectionName + ":" + nameof(ChannelQueues), channel, null, $"queue '{queue}' is not configured", queueList);
            }
        }

        if (DefaultQueue is { } d && !queueIds.Contains(d))
        {
            yield return ConfigurationProblem.Format(SectionName, null, nameof(DefaultQueue), $"'{d}' is not a configured queue", queueList);
        }
    }
}
