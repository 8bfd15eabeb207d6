using ContactCenter.Routing;
using ContactCenter.Routing.Strategies;

namespace ContactCenter;

/// <summary>Adds the round-robin strategy to a <see cref="RoutingBuilder"/>.</summary>
public static class RoundRobinRoutingBuilderExtensions
{
    /// <summary>Makes round-robin the default strategy: the agent offered least recently wins.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Optional configuration of the strategy's options.</param>
    /// <returns>The builder.</returns>
    public static RoutingBuilder UseRoundRobin(this RoutingBuilder builder, Action<RoundRobinStrategyOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new RoundRobinStrategyOptions();
        configure?.Invoke(options);
        return builder.UseStrategy(options);
    }
}
