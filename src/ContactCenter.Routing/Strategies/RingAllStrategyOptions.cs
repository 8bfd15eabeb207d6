using ContactCenter.Routing.Internal;

namespace ContactCenter.Routing.Strategies;

/// <summary>
/// Ring-all: the interaction is offered to up to <see cref="MaxAgents"/> available agents at once (longest idle
/// first); the first to accept gets it and the other offers are revoked.
/// </summary>
public sealed class RingAllStrategyOptions : RoutingStrategyOptions
{
    /// <inheritdoc />
    public override string Name => "ring-all";

    /// <summary>How many agents ring at once, 2–32. Default 5.</summary>
    public int MaxAgents { get; set; } = 5;

    internal override AgentSelectionStrategy CreateStrategy() => new RingAllStrategy(Name, OnAgentSelected, MaxAgents);

    internal override void Validate(string section, string item, List<string> problems)
    {
        if (MaxAgents is < 2 or > RoutingLimits.MaxRingAll)
        {
            problems.Add(ConfigurationText.Format(section, item, nameof(MaxAgents), $"{MaxAgents} is out of range", $"2 to {RoutingLimits.MaxRingAll}"));
        }
    }
}
