using ContactCenter.Routing;
using ContactCenter.Routing.Strategies;

namespace ContactCenter;

/// <summary>Adds the ring-all strategy to any routing builder (<see cref="RoutingBuilderBase"/>).</summary>
public static class RingAllRoutingBuilderExtensions
{
    /// <summary>Makes ring-all the default strategy: several agents are offered the interaction at once, the first accept wins.</summary>
    /// <typeparam name="TBuilder">The builder's type, returned for chaining.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Optional configuration (e.g. how many agents ring).</param>
    /// <returns>The builder.</returns>
    public static TBuilder UseRingAll<TBuilder>(this TBuilder builder, Action<RingAllStrategyOptions>? configure = null)
        where TBuilder : RoutingBuilderBase
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new RingAllStrategyOptions();
        configure?.Invoke(options);
        return builder.UseStrategy(options);
    }
}
