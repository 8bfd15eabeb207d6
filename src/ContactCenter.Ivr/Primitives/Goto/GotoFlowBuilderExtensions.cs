using ContactCenter.Ivr.Primitives.Goto;

#pragma warning disable IDE0130 // As Polly does: the builder extension lives in the namespace a flow author already imports.
namespace ContactCenter.Ivr;
#pragma warning restore IDE0130

/// <summary>Adds Goto nodes.</summary>
public static class GotoFlowBuilderExtensions
{
    /// <summary>Adds a Goto node that jumps to <paramref name="target"/>.</summary>
    /// <param name="builder">The flow builder.</param>
    /// <param name="id">The node id.</param>
    /// <param name="target">The node to jump to.</param>
    /// <returns>The builder.</returns>
    public static FlowBuilder Goto(this FlowBuilder builder, string id, string target) =>
        builder.Goto(id, new GotoOptions { Target = target });

    /// <summary>Adds a Goto node.</summary>
    /// <param name="builder">The flow builder.</param>
    /// <param name="id">The node id.</param>
    /// <param name="options">The options.</param>
    /// <returns>The builder.</returns>
    public static FlowBuilder Goto(this FlowBuilder builder, string id, GotoOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(id, options);
    }
}
