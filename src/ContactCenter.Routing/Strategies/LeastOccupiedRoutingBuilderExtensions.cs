using ContactCenter.Routing;
using ContactCenter.Routing.Strategies;

namespace ContactCenter;

/// <summary>Adds the least-occupied strategy to a <see cref="RoutingBuilder"/>.</summary>
public static class LeastOccupiedRoutingBuilderExtensions
{
    /// <summary>Makes least-occupied the default strategy: the agent with the lowest occupancy wins.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Optional configuration of the strategy's options.</param>
    /// <returns>The builder.</returns>
    public static RoutingBuilder UseLeastOccupied(this RoutingBuilder builder, Action<LeastOccupiedStrategyOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new LeastOccupiedStrategyOptions();
        configure?.Invoke(options);
        return builder.UseStrategy(options);
    }
}
