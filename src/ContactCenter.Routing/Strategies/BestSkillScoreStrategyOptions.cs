using ContactCenter.Routing.Internal;

namespace ContactCenter.Routing.Strategies;

/// <summary>Best skill score: the agent with the highest sum of levels in the queue's required skills gets the interaction; ties go to the longest idle.</summary>
public sealed class BestSkillScoreStrategyOptions : RoutingStrategyOptions
{
    /// <inheritdoc />
    public override string Name => "best-skill-score";

    internal override AgentSelectionStrategy CreateStrategy() => new BestSkillScoreStrategy(Name, OnAgentSelected);
}
