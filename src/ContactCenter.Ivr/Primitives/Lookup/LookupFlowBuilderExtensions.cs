using ContactCenter.Ivr.Primitives.Lookup;

#pragma warning disable IDE0130 // As Polly does: the builder extension lives in the namespace a flow author already imports.
namespace ContactCenter.Ivr;
#pragma warning restore IDE0130

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
