using ContactCenter.Routing.Internal;

namespace ContactCenter.Routing.Strategies;

/// <summary>Round robin with memory: the agent whose last offer is oldest gets the interaction; the memory spans all queues.</summary>
public sealed class RoundRobinStrategyOptions : RoutingStrategyOptions
{
    /// <inheritdoc />
    public override string Name => "round-robin";

    internal override AgentSelectionStrategy CreateStrategy() => new RoundRobinStrategy(Name, OnAgentSelected);
}
