using ContactCenter.Routing;
using ContactCenter.Routing.Strategies;

namespace ContactCenter;

/// <summary>Adds the best-skill-score strategy to any routing builder (<see cref="RoutingBuilderBase"/>).</summary>
public static class BestSkillScoreRoutingBuilderExtensions
{
    /// <summary>Makes best-skill-score the default strategy: the most skilled agent wins.</summary>
    /// <typeparam name="TBuilder">The builder's type, returned for chaining.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Optional configuration of the strategy's options.</param>
    /// <returns>The builder.</returns>
    public static TBuilder UseBestSkillScore<TBuilder>(this TBuilder builder, Action<BestSkillScoreStrategyOptions>? configure = null)
        where TBuilder : RoutingBuilderBase
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new BestSkillScoreStrategyOptions();
        configure?.Invoke(options);
        return builder.UseStrategy(options);
    }
}
