using ContactCenter.Routing;
using ContactCenter.Routing.Strategies;

namespace ContactCenter;

/// <summary>Adds the longest-idle strategy to a <see cref="RoutingBuilder"/>.</summary>
public static class LongestIdleRoutingBuilderExtensions
{
    /// <summary>Makes longest-idle the default strategy: the agent idle longest wins.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Optional configuration of the strategy's options.</param>
    /// <returns>The builder.</returns>
    public static RoutingBuilder UseLongestIdle(this RoutingBuilder builder, Action<LongestIdleStrategyOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new LongestIdleStrategyOptions();
        configure?.Invoke(options);
        return builder.UseStrategy(options);
    }
}
