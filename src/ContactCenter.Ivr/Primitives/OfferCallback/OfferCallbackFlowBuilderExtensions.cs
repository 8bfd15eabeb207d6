using ContactCenter.Ivr.Primitives.OfferCallback;

#pragma warning disable IDE0130 // As Polly does: the builder extension lives in the namespace a flow author already imports.
namespace ContactCenter.Ivr;
#pragma warning restore IDE0130

/// <summary>Adds OfferCallback nodes.</summary>
public static class OfferCallbackFlowBuilderExtensions
{
    /// <summary>Adds an OfferCallback node with default texts.</summary>
    /// <param name="builder">The flow builder.</param>
    /// <param name="id">The node id.</param>
    /// <param name="queue">The queue whose agents call back, or null.</param>
    /// <returns>The builder.</returns>
    public static FlowBuilder OfferCallback(this FlowBuilder builder, string id, string? queue = null) =>
        builder.OfferCallback(id, new OfferCallbackOptions { Queue = queue });

    /// <summary>Adds an OfferCallback node.</summary>
    /// <param name="builder">The flow builder.</param>
    /// <param name="id">The node id.</param>
    /// <param name="options">The options.</param>
    /// <returns>The builder.</returns>
    public static FlowBuilder OfferCallback(this FlowBuilder builder, string id, OfferCallbackOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(id, options);
    }
}
