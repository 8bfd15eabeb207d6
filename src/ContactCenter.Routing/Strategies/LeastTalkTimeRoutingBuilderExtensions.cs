using ContactCenter.Routing;
using ContactCenter.Routing.Strategies;

namespace ContactCenter;

/// <summary>Adds the least-talk-time strategy to a <see cref="RoutingBuilder"/>.</summary>
public static class LeastTalkTimeRoutingBuilderExtensions
{
    /// <summary>Makes least-talk-time the default strategy: the agent who talked least wins.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Optional configuration of the strategy's options.</param>
    /// <returns>The builder.</returns>
    public static RoutingBuilder UseLeastTalkTime(this RoutingBuilder builder, Action<LeastTalkTimeStrategyOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new LeastTalkTimeStrategyOptions();
        configure?.Invoke(options);
        return builder.UseStrategy(options);
    }
}
