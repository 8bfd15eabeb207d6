using ContactCenter.Routing;
using ContactCenter.Routing.Strategies;

namespace ContactCenter;

/// <summary>Sets the default strategy of any <see cref="RoutingBuilderBase"/>.</summary>
public static class RoutingBuilderExtensions
{
    /// <summary>Sets the default agent-selection strategy (the named <c>Use*</c> extensions call this).</summary>
    /// <typeparam name="TBuilder">The builder's type, returned for chaining.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="strategy">The strategy's options.</param>
    /// <returns>The builder.</returns>
    public static TBuilder UseStrategy<TBuilder>(this TBuilder builder, RoutingStrategyOptions strategy)
        where TBuilder : RoutingBuilderBase
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(strategy);
        builder.DefaultStrategy = strategy;
        return builder;
    }
}
