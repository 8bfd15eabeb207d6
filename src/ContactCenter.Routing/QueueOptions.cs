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
        string p = $"Queue {Id.Value}";
        if (DefaultPriority is < 0 or > RoutingLimits.MaxPriority)
        {
            problems.Add($"{p}: {nameof(DefaultPriority)} must be between 0 and {RoutingLimits.MaxPriority}.");
        }

        if (PriorityStep <= TimeSpan.Zero || PriorityStep > TimeSpan.FromDays(1))
        {
            problems.Add($"{p}: {nameof(PriorityStep)} must be positive and at most one day.");
        }

        if (!(Weight > 0) || double.IsInfinity(Weight))
        {
            problems.Add($"{p}: {nameof(Weight)} must be a positive finite number.");
        }

        if (ServiceLevelTarget < TimeSpan.Zero)
        {
            problems.Add($"{p}: {nameof(ServiceLevelTarget)} must not be negative.");
        }

        if (MaxLength < 0)
        {
            problems.Add($"{p}: {nameof(MaxLength)} must be 0 (unlimited) or more.");
        }

        if (WhenFull == QueueFallback.Wait)
        {
            problems.Add($"{p}: {nameof(WhenFull)} cannot be {nameof(QueueFallback.Wait)}; use Reject, Overflow or OfferCallback.");
        }

        if ((WhenFull == QueueFallback.Overflow || WhenNoAgents == QueueFallback.Overflow) && OverflowQueue is null)
        {
            problems.Add($"{p}: {nameof(OverflowQueue)} is required when a fallback is {nameof(QueueFallback.Overflow)}.");
        }

        if (OverflowQueue is { } o && (o == Id || !queueExists(o)))
        {
            problems.Add($"{p}: {nameof(OverflowQueue)} {o.Value} is not another configured queue.");
        }

        foreach (var r in RequiredSkills)
        {
            if (r.MinLevel < 0)
            {
                problems.Add($"{p}: required skill {r.Skill.Value} has a negative minimum level.");
            }
        }

        if (RequiredSkills.Select(s => s.Skill).Distinct().Count() != RequiredSkills.Count)
        {
            problems.Add($"{p}: {nameof(RequiredSkills)} lists a skill twice.");
        }

        if (Language is not null && string.IsNullOrWhiteSpace(Language))
        {
            problems.Add($"{p}: {nameof(Language)} must be null or a language code.");
        }

        if (WrapUpTime < TimeSpan.Zero)
        {
            problems.Add($"{p}: {nameof(WrapUpTime)} must not be negative.");
        }

        if (OfferTimeout is { } t && t <= TimeSpan.Zero)
        {
            problems.Add($"{p}: {nameof(OfferTimeout)} must be positive.");
        }

        if (AverageHandleTime <= TimeSpan.Zero)
        {
            problems.Add($"{p}: {nameof(AverageHandleTime)} must be positive.");
        }

        for (int i = 0; i < Escalation.Count; i++)
        {
            var step = Escalation[i];
            if (step is null)
            {
                problems.Add($"{p}: escalation step {i} is null.");
                continue;
            }

            step.Validate($"{p}: escalation step {i}", problems);
            if (step.OverflowTo is { } to && (to == Id || !queueExists(to)))
            {
                problems.Add($"{p}: escalation step {i}: {nameof(EscalationStep.OverflowTo)} {to.Value} is not another configured queue.");
            }
        }

        Strategy?.Validate($"{p}: {nameof(Strategy)}", problems);
    }
}
