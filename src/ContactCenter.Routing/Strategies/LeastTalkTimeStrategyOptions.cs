using ContactCenter.Routing.Internal;

namespace ContactCenter.Routing.Strategies;

/// <summary>Least talk time: the agent with the least cumulated connected time gets the interaction; ties go to the longest idle.</summary>
public sealed class LeastTalkTimeStrategyOptions : RoutingStrategyOptions
{
    /// <inheritdoc />
    public override string Name => "least-talk-time";

    internal override AgentSelectionStrategy CreateStrategy() => new LeastTalkTimeStrategy(Name, OnAgentSelected);
}
