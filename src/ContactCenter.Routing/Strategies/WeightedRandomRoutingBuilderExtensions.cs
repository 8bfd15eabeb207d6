using ContactCenter.Routing;
using ContactCenter.Routing.Strategies;

namespace ContactCenter;

/// <summary>Adds the weighted-random strategy to a <see cref="RoutingBuilder"/>.</summary>
public static class WeightedRandomRoutingBuilderExtensions
{
    /// <summary>Makes weighted random the default strategy: agents are picked at random in proportion to their weight.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Optional configuration (e.g. a seed).</param>
    /// <returns>The builder.</returns>
    public static RoutingBuilder UseWeightedRandom(this RoutingBuilder builder, Action<WeightedRandomStrategyOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new WeightedRandomStrategyOptions();
        configure?.Invoke(options);
        return builder.UseStrategy(options);
    }
}
