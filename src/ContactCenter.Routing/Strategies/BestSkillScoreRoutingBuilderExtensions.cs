using ContactCenter.Routing;
using ContactCenter.Routing.Strategies;

namespace ContactCenter;

/// <summary>Adds the best-skill-score strategy to a <see cref="RoutingBuilder"/>.</summary>
public static class BestSkillScoreRoutingBuilderExtensions
{
    /// <summary>Makes best-skill-score the default strategy: the most skilled agent wins.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Optional configuration of the strategy's options.</param>
    /// <returns>The builder.</returns>
    public static RoutingBuilder UseBestSkillScore(this RoutingBuilder builder, Action<BestSkillScoreStrategyOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new BestSkillScoreStrategyOptions();
        configure?.Invoke(options);
        return builder.UseStrategy(options);
    }
}
