using ContactCenter.Ivr.Primitives.Say;

// Builder extensions live in the builder's namespace so one using finds every primitive (STYLE.md).
#pragma warning disable IDE0130 // As Polly does: the builder extension lives in the namespace a flow author already imports.
namespace ContactCenter.Ivr;
#pragma warning restore IDE0130

/// <summary>Adds Say nodes.</summary>
public static class SayFlowBuilderExtensions
{
    /// <summary>Adds a Say node: <paramref name="text"/> is spoken on voice and sent as a message on text channels.</summary>
    /// <param name="builder">The flow builder.</param>
    /// <param name="id">The node id.</param>
    /// <param name="text">The text; <c>{variable}</c> placeholders are replaced.</param>
    /// <param name="next">Where to continue; default: the next node declared.</param>
    /// <returns>The builder.</returns>
    public static FlowBuilder Say(this FlowBuilder builder, string id, string text, string? next = null) =>
        builder.Say(id, new SayOptions { Text = text, Next = next });

    /// <summary>Adds a Say node.</summary>
    /// <param name="builder">The flow builder.</param>
    /// <param name="id">The node id.</param>
    /// <param name="options">The options.</param>
    /// <returns>The builder.</returns>
    public static FlowBuilder Say(this FlowBuilder builder, string id, SayOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(id, options);
    }
}
