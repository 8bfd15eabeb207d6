using ContactCenter.Ivr.Sessions;

namespace ContactCenter.Testing;

/// <summary>One thing a scripted session rendered.</summary>
/// <param name="Kind">Speech, audio, text, buttons or recording.</param>
/// <param name="Text">The text, audio resource or recording location.</param>
/// <param name="Buttons">The buttons, for <see cref="SessionOutputKind.Buttons"/>.</param>
public readonly record struct SessionOutput(SessionOutputKind Kind, string Text, IReadOnlyList<FlowButton>? Buttons = null)
{
    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        SessionOutputKind.Speech => "say: " + Text,
        SessionOutputKind.Audio => "play: " + Text,
        SessionOutputKind.Text => "text: " + Text,
        SessionOutputKind.Recording => "record: " + Text,
        _ => $"buttons: {Text} [{string.Join("|", Buttons?.Select(b => b.Payload + ":" + b.Label) ?? [])}]",
    };
}
