using ContactCenter.Ivr.Primitives.Menu;

#pragma warning disable IDE0130 // As Polly does: the builder extension lives in the namespace a flow author already imports.
namespace ContactCenter.Ivr;
#pragma warning restore IDE0130

/// <summary>Adds Menu nodes.</summary>
public static class MenuFlowBuilderExtensions
{
    /// <summary>Adds a Menu node with default time-out (10 s) and retries (2); the default branch is the next node.</summary>
    /// <param name="builder">The flow builder.</param>
    /// <param name="id">The node id.</param>
    /// <param name="prompt">The prompt.</param>
    /// <param name="choices">The choices.</param>
    /// <returns>The builder.</returns>
    public static FlowBuilder Menu(this FlowBuilder builder, string id, string prompt, params MenuChoice[] choices) =>
        builder.Menu(id, new MenuOptions { Prompt = prompt, Choices = choices.ToList() });

    /// <summary>Adds a Menu node.</summary>
    /// <param name="builder">The flow builder.</param>
    /// <param name="id">The node id.</param>
    /// <param name="options">The options.</param>
    /// <returns>The builder.</returns>
    public static FlowBuilder Menu(this FlowBuilder builder, string id, MenuOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(id, options);
    }
}
