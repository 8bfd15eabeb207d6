using ContactCenter.Ivr.Primitives;

namespace ContactCenter.Ivr;

/// <summary>Adds CollectDigits and CollectInput nodes.</summary>
public static class CollectFlowBuilderExtensions
{
    /// <summary>Adds a CollectDigits node.</summary>
    /// <param name="builder">The flow builder.</param>
    /// <param name="id">The node id.</param>
    /// <param name="options">The options.</param>
    /// <returns>The builder.</returns>
    public static FlowBuilder CollectDigits(this FlowBuilder builder, string id, CollectDigitsOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(id, options);
    }

    /// <summary>Adds a CollectInput node.</summary>
    /// <param name="builder">The flow builder.</param>
    /// <param name="id">The node id.</param>
    /// <param name="options">The options.</param>
    /// <returns>The builder.</returns>
    public static FlowBuilder CollectInput(this FlowBuilder builder, string id, CollectInputOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(id, options);
    }
}
