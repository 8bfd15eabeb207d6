using ContactCenter.Ivr.Primitives.Enqueue;

#pragma warning disable IDE0130 // As Polly does: the builder extension lives in the namespace a flow author already imports.
namespace ContactCenter.Ivr;
#pragma warning restore IDE0130

/// <summary>Adds Enqueue nodes.</summary>
public static class EnqueueFlowBuilderExtensions
{
    /// <summary>Adds an Enqueue node with default messages.</summary>
    /// <param name="builder">The flow builder.</param>
    /// <param name="id">The node id.</param>
    /// <param name="queue">The queue.</param>
    /// <param name="next">Where to go when the queue refuses the interaction; default: the next node declared.</param>
    /// <returns>The builder.</returns>
    public static FlowBuilder Enqueue(this FlowBuilder builder, string id, string queue, string? next = null) =>
        builder.Enqueue(id, new EnqueueOptions { Queue = queue, Next = next });

    /// <summary>Adds an Enqueue node.</summary>
    /// <param name="builder">The flow builder.</param>
    /// <param name="id">The node id.</param>
    /// <param name="options">The options.</param>
    /// <returns>The builder.</returns>
    public static FlowBuilder Enqueue(this FlowBuilder builder, string id, EnqueueOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(id, options);
    }
}
