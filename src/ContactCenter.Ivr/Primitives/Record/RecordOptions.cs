using System.Text.Json.Serialization;
using ContactCenter.Ivr.Engine;

namespace ContactCenter.Ivr.Primitives.Record;

/// <summary>Options of Record (voicemail): records the caller on voice; on text channels the next typed message is
/// the voicemail. The recording location (or the text) goes into <see cref="Variable"/>; when <see cref="Queue"/> is
/// set it is handed to <see cref="Services.IFlowHost.SubmitVoicemailAsync"/>.</summary>
public sealed class RecordOptions : NodeOptions
{
    /// <summary>Said before recording. Default: <c>Please leave a message after the tone.</c></summary>
    public string Prompt { get; set; } = "Please leave a message after the tone.";

    /// <summary>The prompt on text channels. Default: <c>Please type your message.</c></summary>
    public string TextPrompt { get; set; } = "Please type your message.";

    /// <summary>The longest recording (on text channels: how long to wait for the message). Default: 2 min;
    /// allowed 1 s to 30 min.</summary>
    public TimeSpan MaxLength { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The key that ends the recording. Default: <c>#</c>.</summary>
    public string? FinishKey { get; set; } = "#";

    /// <summary>Whether a tone is played before recording. Default: true.</summary>
    public bool Beep { get; set; } = true;

    /// <summary>The variable that receives the recording location or the typed text. Default: <c>voicemail</c>.</summary>
    public string Variable { get; set; } = "voicemail";

    /// <summary>The queue that should handle the voicemail; null to only store it in the variable.</summary>
    public string? Queue { get; set; }

    /// <summary>Said after recording, or null.</summary>
    public string? Confirmation { get; set; } = "Thank you, we got your message.";

    /// <summary>Called after recording.</summary>
    [JsonIgnore]
    public Func<RecordArguments, ValueTask>? OnRecorded { get; set; }

    internal override FlowNode CreateNode(string id) => new RecordNode(id, this);
}
