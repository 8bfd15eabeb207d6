using ContactCenter.Routing;
using ContactCenter.Routing.Strategies;

namespace ContactCenter;

/// <summary>Adds a custom scoring strategy to any routing builder (<see cref="RoutingBuilderBase"/>).</summary>
public static class CustomRoutingBuilderExtensions
{
    /// <summary>Makes a custom score the default strategy: the available agent with the highest score wins.</summary>
    /// <typeparam name="TBuilder">The builder's type, returned for chaining.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="score">Rates an agent; higher is better.</param>
    /// <param name="configure">Optional further configuration.</param>
    /// <returns>The builder.</returns>
    public static TBuilder UseCustomStrategy<TBuilder>(this TBuilder builder, Func<AgentSnapshot, double> score, Action<CustomStrategyOptions>? configure = null)
        where TBuilder : RoutingBuilderBase
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new CustomStrategyOptions { Score = score };
        configure?.Invoke(options);
        return builder.UseStrategy(options);
    }
}
