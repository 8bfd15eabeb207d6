using ContactCenter.Ivr.Primitives.SubFlow;

#pragma warning disable IDE0130 // As Polly does: the builder extension lives in the namespace a flow author already imports.
namespace ContactCenter.Ivr;
#pragma warning restore IDE0130

/// <summary>Adds SubFlow nodes.</summary>
public static class SubFlowFlowBuilderExtensions
{
    /// <summary>Adds a SubFlow node that runs <paramref name="flow"/> and then continues.</summary>
    /// <param name="builder">The flow builder.</param>
    /// <param name="id">The node id.</param>
    /// <param name="flow">The flow to call.</param>
    /// <param name="next">Where to continue after it; default: the next node declared.</param>
    /// <returns>The builder.</returns>
    public static FlowBuilder SubFlow(this FlowBuilder builder, string id, string flow, string? next = null) =>
        builder.SubFlow(id, new SubFlowOptions { Flow = flow, Next = next });

    /// <summary>Adds a SubFlow node.</summary>
    /// <param name="builder">The flow builder.</param>
    /// <param name="id">The node id.</param>
    /// <param name="options">The options.</param>
    /// <returns>The builder.</returns>
    public static FlowBuilder SubFlow(this FlowBuilder builder, string id, SubFlowOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(id, options);
    }
}
