using ContactCenter.Routing;
using ContactCenter.Routing.Strategies;

namespace ContactCenter;

/// <summary>Adds the weighted-random strategy to any routing builder (<see cref="RoutingBuilderBase"/>).</summary>
public static class WeightedRandomRoutingBuilderExtensions
{
    /// <summary>Makes weighted random the default strategy: agents are picked at random in proportion to their weight.</summary>
    /// <typeparam name="TBuilder">The builder's type, returned for chaining.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Optional configuration (e.g. a seed).</param>
    /// <returns>The builder.</returns>
    public static TBuilder UseWeightedRandom<TBuilder>(this TBuilder builder, Action<WeightedRandomStrategyOptions>? configure = null)
        where TBuilder : RoutingBuilderBase
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new WeightedRandomStrategyOptions();
        configure?.Invoke(options);
        return builder.UseStrategy(options);
    }
}
