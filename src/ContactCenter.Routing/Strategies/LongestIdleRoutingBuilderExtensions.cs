using ContactCenter.Routing;
using ContactCenter.Routing.Strategies;

namespace ContactCenter;

/// <summary>Adds the longest-idle strategy to any routing builder (<see cref="RoutingBuilderBase"/>).</summary>
public static class LongestIdleRoutingBuilderExtensions
{
    /// <summary>Makes longest-idle the default strategy: the agent idle longest wins.</summary>
    /// <typeparam name="TBuilder">The builder's type, returned for chaining.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Optional configuration of the strategy's options.</param>
    /// <returns>The builder.</returns>
    public static TBuilder UseLongestIdle<TBuilder>(this TBuilder builder, Action<LongestIdleStrategyOptions>? configure = null)
        where TBuilder : RoutingBuilderBase
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new LongestIdleStrategyOptions();
        configure?.Invoke(options);
        return builder.UseStrategy(options);
    }
}
