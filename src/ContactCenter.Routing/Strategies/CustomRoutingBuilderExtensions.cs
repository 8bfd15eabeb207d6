using ContactCenter.Routing;
using ContactCenter.Routing.Strategies;

namespace ContactCenter;

/// <summary>Adds a custom scoring strategy to a <see cref="RoutingBuilder"/>.</summary>
public static class CustomRoutingBuilderExtensions
{
    /// <summary>Makes a custom score the default strategy: the available agent with the highest score wins.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="score">Rates an agent; higher is better.</param>
    /// <param name="configure">Optional further configuration.</param>
    /// <returns>The builder.</returns>
    public static RoutingBuilder UseCustomStrategy(this RoutingBuilder builder, Func<AgentSnapshot, double> score, Action<CustomStrategyOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new CustomStrategyOptions { Score = score };
        configure?.Invoke(options);
        return builder.UseStrategy(options);
    }
}
