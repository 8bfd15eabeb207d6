using ContactCenter.Ivr.Sessions;

namespace ContactCenter.Core.Flows;

/// <summary>
/// A flow session on a voice interaction. Until the SIP media channel exists, prompts are outbound messages (the
/// text to speak, or an audio attachment to play) and keys arrive as <see cref="MessageContent.Dtmf"/>; inbound text
/// is taken as recognised speech. Recording is not available yet: a Record node gets an empty recording.
/// </summary>
internal sealed class VoiceInteractionFlowSession(IFlowContactCenter contactCenter, Interaction interaction)
    : InteractionFlowSession(contactCenter, interaction), IVoiceFlowSession
{
    public override SessionCapabilities Capabilities => SessionCapabilities.Voice | SessionCapabilities.Dtmf | SessionCapabilities.Speech;

    public ValueTask SpeakAsync(string text, string? voice, CancellationToken cancellationToken)
        => SendAsync(MessageContent.FromText(text), cancellationToken);

    public ValueTask PlayAsync(string audio, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(audio);
        var location = Uri.TryCreate(audio, UriKind.Absolute, out var uri) ? uri : new Uri("prompt:" + Uri.EscapeDataString(audio));
        var type = audio.EndsWith(".mp3", StringComparison.OrdinalIgnoreCase) ? "audio/mpeg" : "audio/wav";
        var name = Path.GetFileName(location.IsFile || location.Scheme is "http" or "https" ? location.AbsolutePath : audio);
        return SendAsync(new MessageContent { Attachments = [new AttachmentReference(name, type, 0, location)] }, cancellationToken);
    }

    public ValueTask<RecordingResult> RecordAsync(RecordingRequest request, CancellationToken cancellationToken)
        => new(new RecordingResult(string.Empty, TimeSpan.Zero));

    protected override FlowInput? Map(MessageContent content)
    {
        if (content.Dtmf is { Length: > 0 } digits)
        {
            return FlowInput.FromDigits(digits);
        }

        if (content.Buttons.Length == 1)
        {
            return FlowInput.FromDigits(content.Buttons[0].Id);
        }

        return content.Text is { } text ? FlowInput.FromSpeech(text) : null;
    }
}
