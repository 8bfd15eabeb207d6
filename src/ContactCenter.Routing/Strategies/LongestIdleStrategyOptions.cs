using ContactCenter.Routing.Internal;

namespace ContactCenter.Routing.Strategies;

/// <summary>Longest idle: the available agent idle longest (since its last offer or since it became idle) gets the interaction.</summary>
public sealed class LongestIdleStrategyOptions : RoutingStrategyOptions
{
    /// <inheritdoc />
    public override string Name => "longest-idle";

    internal override AgentSelectionStrategy CreateStrategy() => new LongestIdleStrategy(Name, OnAgentSelected);
}
