using ContactCenter.Routing;
using ContactCenter.Routing.Strategies;

namespace ContactCenter;

/// <summary>Adds the least-talk-time strategy to any routing builder (<see cref="RoutingBuilderBase"/>).</summary>
public static class LeastTalkTimeRoutingBuilderExtensions
{
    /// <summary>Makes least-talk-time the default strategy: the agent who talked least wins.</summary>
    /// <typeparam name="TBuilder">The builder's type, returned for chaining.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Optional configuration of the strategy's options.</param>
    /// <returns>The builder.</returns>
    public static TBuilder UseLeastTalkTime<TBuilder>(this TBuilder builder, Action<LeastTalkTimeStrategyOptions>? configure = null)
        where TBuilder : RoutingBuilderBase
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new LeastTalkTimeStrategyOptions();
        configure?.Invoke(options);
        return builder.UseStrategy(options);
    }
}
