using ContactCenter.Routing;
using ContactCenter.Routing.Strategies;

namespace ContactCenter;

/// <summary>Adds the round-robin strategy to any routing builder (<see cref="RoutingBuilderBase"/>).</summary>
public static class RoundRobinRoutingBuilderExtensions
{
    /// <summary>Makes round-robin the default strategy: the agent offered least recently wins.</summary>
    /// <typeparam name="TBuilder">The builder's type, returned for chaining.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Optional configuration of the strategy's options.</param>
    /// <returns>The builder.</returns>
    public static TBuilder UseRoundRobin<TBuilder>(this TBuilder builder, Action<RoundRobinStrategyOptions>? configure = null)
        where TBuilder : RoutingBuilderBase
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new RoundRobinStrategyOptions();
        configure?.Invoke(options);
        return builder.UseStrategy(options);
    }
}
