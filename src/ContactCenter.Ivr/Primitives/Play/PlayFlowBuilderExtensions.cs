using ContactCenter.Ivr.Primitives.Play;

#pragma warning disable IDE0130 // As Polly does: the builder extension lives in the namespace a flow author already imports.
namespace ContactCenter.Ivr;
#pragma warning restore IDE0130

/// <summary>Adds Play nodes.</summary>
public static class PlayFlowBuilderExtensions
{
    /// <summary>Adds a Play node: the audio on voice, <paramref name="fallbackText"/> on text channels.</summary>
    /// <param name="builder">The flow builder.</param>
    /// <param name="id">The node id.</param>
    /// <param name="audio">The audio resource.</param>
    /// <param name="fallbackText">The text sent on text channels, or null.</param>
    /// <returns>The builder.</returns>
    public static FlowBuilder Play(this FlowBuilder builder, string id, string audio, string? fallbackText = null) =>
        builder.Play(id, new PlayOptions { Audio = audio, FallbackText = fallbackText });

    /// <summary>Adds a Play node.</summary>
    /// <param name="builder">The flow builder.</param>
    /// <param name="id">The node id.</param>
    /// <param name="options">The options.</param>
    /// <returns>The builder.</returns>
    public static FlowBuilder Play(this FlowBuilder builder, string id, PlayOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(id, options);
    }
}
