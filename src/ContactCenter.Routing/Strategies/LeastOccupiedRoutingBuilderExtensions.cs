using ContactCenter.Routing;
using ContactCenter.Routing.Strategies;

namespace ContactCenter;

/// <summary>Adds the least-occupied strategy to any routing builder (<see cref="RoutingBuilderBase"/>).</summary>
public static class LeastOccupiedRoutingBuilderExtensions
{
    /// <summary>Makes least-occupied the default strategy: the agent with the lowest occupancy wins.</summary>
    /// <typeparam name="TBuilder">The builder's type, returned for chaining.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Optional configuration of the strategy's options.</param>
    /// <returns>The builder.</returns>
    public static TBuilder UseLeastOccupied<TBuilder>(this TBuilder builder, Action<LeastOccupiedStrategyOptions>? configure = null)
        where TBuilder : RoutingBuilderBase
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new LeastOccupiedStrategyOptions();
        configure?.Invoke(options);
        return builder.UseStrategy(options);
    }
}
