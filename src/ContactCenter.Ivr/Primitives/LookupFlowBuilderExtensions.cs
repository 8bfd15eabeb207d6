using ContactCenter.Ivr.Primitives;

namespace ContactCenter.Ivr;

/// <summary>Adds Lookup nodes.</summary>
public static class LookupFlowBuilderExtensions
{
    /// <summary>Adds a Lookup node.</summary>
    /// <param name="builder">The flow builder.</param>
    /// <param name="id">The node id.</param>
    /// <param name="options">The options.</param>
    /// <returns>The builder.</returns>
    public static FlowBuilder Lookup(this FlowBuilder builder, string id, LookupOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(id, options);
    }
}
