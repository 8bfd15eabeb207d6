using ContactCenter.Ivr.Engine;

namespace ContactCenter.Ivr.Primitives.Play;

/// <summary>Options of Play: an audio resource on voice; on text channels a fallback text and/or a link.</summary>
public sealed class PlayOptions : NodeOptions
{
    /// <summary>The audio resource (URI or a name the runtime resolves). Required.</summary>
    public string Audio { get; set; } = string.Empty;

    /// <summary>Sent instead of the audio on text channels. Default: nothing unless <see cref="Link"/> is set.</summary>
    public string? FallbackText { get; set; }

    /// <summary>A link to the audio (or to a page) sent on text channels that render links.</summary>
    public string? Link { get; set; }

    /// <summary>Called after the audio (or its fallback) was delivered.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Func<PlayArguments, ValueTask>? OnPlayed { get; set; }

    internal override FlowNode CreateNode(string id) => new PlayNode(id, this);
}
