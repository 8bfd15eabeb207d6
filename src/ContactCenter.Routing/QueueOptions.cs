using ContactCenter.Routing.Strategies;

namespace ContactCenter.Routing;

/// <summary>A queue: what it requires of agents, how it orders its waiting interactions, and what it does when full.</summary>
public sealed class QueueOptions
{
    /// <summary>The queue's id. Required.</summary>
    public QueueSlot Id { get; set; }

    /// <summary>The tenant whose work this queue holds. Only agents of this tenant serve it.</summary>
    public TenantSlot Tenant { get; set; }

    /// <summary>The medium of its interactions. Default <see cref="RoutingMedia.Voice"/>.</summary>
    public RoutingMedia Media { get; set; } = RoutingMedia.Voice;

    /// <summary>Skills an agent needs, each with a minimum level.</summary>
    public IList<SkillRequirement> RequiredSkills { get; } = [];

    /// <summary>Language the agent must speak, or <see langword="null"/> for any.</summary>
    public string? Language { get; set; }

    /// <summary>Priority given to interactions that do not set their own. Default 0; range 0–1000.</summary>
    public int DefaultPriority { get; set; }

    /// <summary>How priority grows with waiting time. Default <see cref="AgingRule.Linear"/>.</summary>
    public AgingRule Aging { get; set; } = AgingRule.Linear;

    /// <summary>
    /// With <see cref="AgingRule.Linear"/>: how much waiting one priority point is worth. Default 60 s, so a
    /// priority-2 interaction is served as if it had arrived two minutes earlier.
    /// </summary>
    public TimeSpan PriorityStep { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Weight of this queue when an agent serving several queues picks the next interaction: the one with the
    /// highest weight × (waited + priority × <see cref="PriorityStep"/>) wins. Default 1.
    /// </summary>
    public double Weight { get; set; } = 1;

    /// <summary>Service-level target: answered within this time counts as within service level. Default 20 s.</summary>
    public TimeSpan ServiceLevelTarget { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Maximum number of waiting interactions; 0 means unlimited. Default 0.</summary>
    public int MaxLength { get; set; }

    /// <summary>What to do with a new interaction when the queue is full. Default <see cref="QueueFallback.Reject"/>.</summary>
    public QueueFallback WhenFull { get; set; } = QueueFallback.Reject;

    /// <summary>What to do with a new interaction when no eligible agent is logged in. Default <see cref="QueueFallback.Wait"/>.</summary>
    public QueueFallback WhenNoAgents { get; set; } = QueueFallback.Wait;

    /// <summary>Target of <see cref="QueueFallback.Overflow"/>.</summary>
    public QueueSlot? OverflowQueue { get; set; }

    /// <summary>Escalation steps, applied in order.</summary>
    public IList<EscalationStep> Escalation { get; } = [];

    /// <summary>The agent-selection strategy of this queue, or <see langword="null"/> for the engine's default.</summary>
    public RoutingStrategyOptions? Strategy { get; set; }

    /// <summary>Wrap-up time after each completed interaction; its capacity slot stays taken until then. Default 0.</summary>
    public TimeSpan WrapUpTime { get; set; }

    /// <summary>Offer time-out for this queue, or <see langword="null"/> for <see cref="RoutingOptions.OfferTimeout"/>.</summary>
    public TimeSpan? OfferTimeout { get; set; }

    /// <summary>Average handling time assumed for wait estimates before the queue has history. Default 3 minutes.</summary>
    public TimeSpan AverageHandleTime { get; set; } = TimeSpan.FromMinutes(3);

    internal void Validate(Func<QueueSlot, bool> queueExists, List<string> problems)
    {
        string item = Id.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        string P(string? option, string problem, string? allowed = null) => ConfigurationText.Format("Routing:Queues", item, option, problem, allowed);
        if (DefaultPriority is < 0 or > RoutingLimits.MaxPriority)
        {
            problems.Add(P(nameof(DefaultPriority), $"{DefaultPriority} is out of range", $"0 to {RoutingLimits.MaxPriority}"));
        }

        if (PriorityStep <= TimeSpan.Zero || PriorityStep > TimeSpan.FromDays(1))
        {
            problems.Add(P(nameof(PriorityStep), $"{PriorityStep} is out of range", "more than zero, at most one day"));
        }

        if (!(Weight > 0) || double.IsInfinity(Weight))
        {
            problems.Add(P(nameof(Weight), $"{Weight} is not a positive finite number", "a finite number above 0"));
        }

        if (ServiceLevelTarget < TimeSpan.Zero)
        {
            problems.Add(P(nameof(ServiceLevelTarget), $"{ServiceLevelTarget} is negative", "zero or more"));
        }

        if (MaxLength < 0)
        {
            problems.Add(P(nameof(MaxLength), $"{MaxLength} is negative", "0 (unlimited) or more"));
        }

        if (WhenFull == QueueFallback.Wait)
        {
            problems.Add(P(nameof(WhenFull), $"{nameof(QueueFallback.Wait)} cannot apply to a full queue", "Reject, Overflow or OfferCallback"));
        }

        if ((WhenFull == QueueFallback.Overflow || WhenNoAgents == QueueFallback.Overflow) && OverflowQueue is null)
        {
            problems.Add(P(nameof(OverflowQueue), $"is missing while a fallback is {nameof(QueueFallback.Overflow)}", "another configured queue"));
        }

        if (OverflowQueue is { } o && (o == Id || !queueExists(o)))
        {
            problems.Add(P(nameof(OverflowQueue), $"{o.Value} is not another configured queue", "another configured queue"));
        }

        foreach (var r in RequiredSkills)
        {
            if (r.MinLevel < 0)
            {
                problems.Add(P($"{nameof(RequiredSkills)}:{r.Skill.Value}", $"minimum level {r.MinLevel} is negative", "0 or more"));
            }
        }

        if (RequiredSkills.Select(s => s.Skill).Distinct().Count() != RequiredSkills.Count)
        {
            problems.Add(P(nameof(RequiredSkills), "lists a skill twice", "each skill once"));
        }

        if (Language is not null && string.IsNullOrWhiteSpace(Language))
        {
            problems.Add(P(nameof(Language), "is blank", "unset or a language code"));
        }

        if (WrapUpTime < TimeSpan.Zero)
        {
            problems.Add(P(nameof(WrapUpTime), $"{WrapUpTime} is negative", "zero or more"));
        }

        if (OfferTimeout is { } t && t <= TimeSpan.Zero)
        {
            problems.Add(P(nameof(OfferTimeout), $"{t} is not positive", "more than zero"));
        }

        if (AverageHandleTime <= TimeSpan.Zero)
        {
            problems.Add(P(nameof(AverageHandleTime), $"{AverageHandleTime} is not positive", "more than zero"));
        }

        for (int i = 0; i < Escalation.Count; i++)
        {
            var step = Escalation[i];
            if (step is null)
            {
                problems.Add(P($"{nameof(Escalation)}:{i}", "is null", "an escalation step"));
                continue;
            }

            step.Validate("Routing:Queues", $"{item}:{nameof(Escalation)}:{i}", problems);
            if (step.OverflowTo is { } to && (to == Id || !queueExists(to)))
            {
                problems.Add(P($"{nameof(Escalation)}:{i}:{nameof(EscalationStep.OverflowTo)}", $"{to.Value} is not another configured queue", "another configured queue"));
            }
        }

        Strategy?.Validate("Routing:Queues", $"{item}:{nameof(Strategy)}", problems);
    }
}
