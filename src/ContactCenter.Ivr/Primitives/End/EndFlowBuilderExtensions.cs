using ContactCenter.Ivr.Primitives.End;

#pragma warning disable IDE0130 // As Polly does: the builder extension lives in the namespace a flow author already imports.
namespace ContactCenter.Ivr;
#pragma warning restore IDE0130

/// <summary>Adds End nodes.</summary>
public static class EndFlowBuilderExtensions
{
    /// <summary>Adds an End node.</summary>
    /// <param name="builder">The flow builder.</param>
    /// <param name="id">The node id.</param>
    /// <param name="message">A last message, or null.</param>
    /// <returns>The builder.</returns>
    public static FlowBuilder End(this FlowBuilder builder, string id, string? message = null) =>
        builder.End(id, new EndOptions { Message = message });

    /// <summary>Adds an End node.</summary>
    /// <param name="builder">The flow builder.</param>
    /// <param name="id">The node id.</param>
    /// <param name="options">The options.</param>
    /// <returns>The builder.</returns>
    public static FlowBuilder End(this FlowBuilder builder, string id, EndOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(id, options);
    }
}
