using ContactCenter.Ivr.Engine;

namespace ContactCenter.Ivr.Primitives.Say;

/// <summary>Options of Say: a text spoken on voice (TTS hook) and sent as a message on text channels.</summary>
public sealed class SayOptions : NodeOptions
{
    /// <summary>The text; <c>{variable}</c> placeholders are replaced. Required.</summary>
    public string Text { get; set; } = string.Empty;

    /// <summary>A voice or language hint for TTS (e.g. <c>en-US</c>). Default: the session's default.</summary>
    public string? Voice { get; set; }

    /// <summary>Called after the text was said.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Func<SayArguments, ValueTask>? OnSaid { get; set; }

    internal override FlowNode CreateNode(string id) => new SayNode(id, this);
}
