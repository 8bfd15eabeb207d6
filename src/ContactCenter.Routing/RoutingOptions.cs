using ContactCenter.Routing.Strategies;

namespace ContactCenter.Routing;

/// <summary>Options of a <see cref="RoutingEngine"/>. Validated as a whole; every problem is reported together.</summary>
public sealed class RoutingOptions
{
    /// <summary>Strategy for queues that do not set their own. Default: longest idle.</summary>
    public RoutingStrategyOptions DefaultStrategy { get; set; } = new LongestIdleStrategyOptions();

    /// <summary>How long an agent has to accept an offer. Default 20 s.</summary>
    public TimeSpan OfferTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Consecutive timed-out offers after which the agent is set <see cref="AgentPresence.Away"/>; 0 never. Default 3.</summary>
    public int MissedOffersBeforeAway { get; set; } = 3;

    /// <summary>
    /// After an agent declines or misses an interaction, that agent is not offered the same interaction again
    /// for this long (other agents are). Default 5 s.
    /// </summary>
    public TimeSpan DeclineCooldown { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Slots of the lock-free command ring (a power of two, 64 or more). Default 65,536.</summary>
    public int CommandCapacity { get; set; } = 1 << 16;

    /// <summary>
    /// Whether the engine schedules its own timer on the <see cref="TimeProvider"/> to fire offer time-outs,
    /// escalations and wrap-up ends. When <see langword="false"/> the host calls <see cref="RoutingEngine.ProcessTimers"/>.
    /// Default <see langword="true"/>.
    /// </summary>
    public bool AutomaticTimers { get; set; } = true;

    /// <summary>Queues present from the start.</summary>
    public IList<QueueOptions> Queues { get; } = [];

    /// <summary>Agents present from the start.</summary>
    public IList<AgentOptions> Agents { get; } = [];

    /// <summary>Checks every option and throws one exception listing every problem.</summary>
    /// <exception cref="RoutingConfigurationException">Something is invalid.</exception>
    public void Validate()
    {
        var problems = new List<string>();
        Validate(problems);
        if (problems.Count > 0)
        {
            throw new RoutingConfigurationException(problems);
        }
    }

    internal void Validate(List<string> problems)
    {
        if (DefaultStrategy is null)
        {
            problems.Add(ConfigurationText.Format("Routing", null, nameof(DefaultStrategy), "is null", "a strategy"));
        }
        else
        {
            DefaultStrategy.Validate("Routing", nameof(DefaultStrategy), problems);
        }

        if (OfferTimeout <= TimeSpan.Zero)
        {
            problems.Add(ConfigurationText.Format("Routing", null, nameof(OfferTimeout), $"{OfferTimeout} is not positive", "more than zero"));
        }

        if (MissedOffersBeforeAway < 0)
        {
            problems.Add(ConfigurationText.Format("Routing", null, nameof(MissedOffersBeforeAway), $"{MissedOffersBeforeAway} is negative", "0 (never) or more"));
        }

        if (DeclineCooldown < TimeSpan.Zero)
        {
            problems.Add(ConfigurationText.Format("Routing", null, nameof(DeclineCooldown), $"{DeclineCooldown} is negative", "zero or more"));
        }

        if (CommandCapacity < 64 || (CommandCapacity & (CommandCapacity - 1)) != 0)
        {
            problems.Add(ConfigurationText.Format("Routing", null, nameof(CommandCapacity), $"{CommandCapacity} is not a power of two of at least 64", "64, 128, 256, …"));
        }

        var ids = new HashSet<QueueSlot>();
        foreach (var q in Queues)
        {
            if (q is not null && !ids.Add(q.Id))
            {
                problems.Add(ConfigurationText.Format("Routing:Queues", q.Id.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), null, "is configured twice", "each queue id once"));
            }
        }

        foreach (var q in Queues)
        {
            if (q is null)
            {
                problems.Add(ConfigurationText.Format("Routing", null, nameof(Queues), "contains null", "queue options"));
                continue;
            }

            q.Validate(ids.Contains, problems);
        }

        var agents = new HashSet<AgentSlot>();
        foreach (var a in Agents)
        {
            if (a is null)
            {
                problems.Add(ConfigurationText.Format("Routing", null, nameof(Agents), "contains null", "agent options"));
                continue;
            }

            if (!agents.Add(a.Id))
            {
                problems.Add(ConfigurationText.Format("Routing:Agents", a.Id.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), null, "is configured twice", "each agent id once"));
            }

            a.Validate(problems);
        }
    }
}
