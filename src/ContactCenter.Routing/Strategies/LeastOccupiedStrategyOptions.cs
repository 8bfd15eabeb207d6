using ContactCenter.Routing.Internal;

namespace ContactCenter.Routing.Strategies;

/// <summary>Least occupied: the agent with the lowest load / capacity ratio gets the interaction; ties go to the longest idle.</summary>
public sealed class LeastOccupiedStrategyOptions : RoutingStrategyOptions
{
    /// <inheritdoc />
    public override string Name => "least-occupied";

    internal override AgentSelectionStrategy CreateStrategy() => new LeastOccupiedStrategy(Name, OnAgentSelected);
}
