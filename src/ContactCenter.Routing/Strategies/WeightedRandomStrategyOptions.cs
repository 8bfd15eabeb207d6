using ContactCenter.Routing.Internal;

namespace ContactCenter.Routing.Strategies;

/// <summary>
/// Weighted random: each available agent is chosen with probability proportional to its
/// <see cref="AgentOptions.Weight"/> (exponential-race sampling, O(log n) per decision).
/// </summary>
public sealed class WeightedRandomStrategyOptions : RoutingStrategyOptions
{
    /// <inheritdoc />
    public override string Name => "weighted-random";

    /// <summary>Seed of the random sequence, for reproducible tests; <see langword="null"/> for a random seed. Default null.</summary>
    public int? Seed { get; set; }

    internal override AgentSelectionStrategy CreateStrategy() =>
        new WeightedRandomStrategy(Name, OnAgentSelected, Seed ?? Random.Shared.Next());
}
