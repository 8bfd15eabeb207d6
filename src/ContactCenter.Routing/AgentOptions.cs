namespace ContactCenter.Routing;

/// <summary>An agent as the routing core sees it. Validated when added; changes take effect on the next update.</summary>
public sealed class AgentOptions
{
    /// <summary>The agent's id. Required.</summary>
    public AgentSlot Id { get; set; }

    /// <summary>Tenants the agent works for; it only ever receives work of these. At least one is required.</summary>
    public IList<TenantSlot> Tenants { get; } = [];

    /// <summary>Skills and levels.</summary>
    public IList<AgentSkill> Skills { get; } = [];

    /// <summary>Languages spoken (e.g. "en", "de"); compared case-insensitively.</summary>
    public IList<string> Languages { get; } = [];

    /// <summary>Per-medium capacity. Default: one call, nothing else.</summary>
    public AgentCapacity Capacity { get; set; } = new();

    /// <summary>
    /// Whether a call may be offered while the agent holds chats, emails or tasks (they are paused during the
    /// call). When <see langword="false"/>, calls are offered only to agents holding no other work. Either way
    /// no new non-voice work is offered during a call. Default <see langword="true"/>.
    /// </summary>
    public bool CallInterruptsChats { get; set; } = true;

    /// <summary>Weight for the weighted-random strategy (and available to custom strategies). Default 1; must be positive.</summary>
    public double Weight { get; set; } = 1;

    /// <summary>Wrap-up time after each interaction this agent completes, overriding the queue's; <see langword="null"/> for the queue's. Default null.</summary>
    public TimeSpan? WrapUpTime { get; set; }

    /// <summary>Presence the agent starts with. Default <see cref="AgentPresence.Offline"/>.</summary>
    public AgentPresence InitialPresence { get; set; } = AgentPresence.Offline;

    internal void Validate(List<string> problems)
    {
        string item = Id.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        string P(string? option, string problem, string? allowed = null) => ConfigurationText.Format("Routing:Agents", item, option, problem, allowed);
        if (Tenants.Count == 0)
        {
            problems.Add(P(nameof(Tenants), "is empty", "at least one tenant"));
        }

        if (Capacity is null)
        {
            problems.Add(P(nameof(Capacity), "is null", "a capacity per media type"));
        }
        else if (Capacity.Voice < 0 || Capacity.Chat < 0 || Capacity.Email < 0 || Capacity.Task < 0)
        {
            problems.Add(P(nameof(Capacity), "has a negative value", "0 or more per media type"));
        }

        foreach (var s in Skills)
        {
            if (s.Level < 0)
            {
                problems.Add(P($"{nameof(Skills)}:{s.Skill.Value}", $"level {s.Level} is negative", "0 or more"));
            }
        }

        if (Skills.Select(s => s.Skill).Distinct().Count() != Skills.Count)
        {
            problems.Add(P(nameof(Skills), "lists a skill twice", "each skill once"));
        }

        if (Languages.Any(string.IsNullOrWhiteSpace))
        {
            problems.Add(P(nameof(Languages), "contains an empty language", "language codes"));
        }

        if (WrapUpTime is { } w && w < TimeSpan.Zero)
        {
            problems.Add(P(nameof(WrapUpTime), $"{w} is negative", "unset or zero or more"));
        }

        if (!(Weight > 0) || double.IsInfinity(Weight))
        {
            problems.Add(P(nameof(Weight), $"{Weight} is not a positive finite number", "a finite number above 0"));
        }
    }
}
