using ContactCenter.Routing;
using ContactCenter.Routing.Strategies;

namespace ContactCenter;

/// <summary>Adds the ring-all strategy to a <see cref="RoutingBuilder"/>.</summary>
public static class RingAllRoutingBuilderExtensions
{
    /// <summary>Makes ring-all the default strategy: several agents are offered the interaction at once, the first accept wins.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Optional configuration (e.g. how many agents ring).</param>
    /// <returns>The builder.</returns>
    public static RoutingBuilder UseRingAll(this RoutingBuilder builder, Action<RingAllStrategyOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new RingAllStrategyOptions();
        configure?.Invoke(options);
        return builder.UseStrategy(options);
    }
}
