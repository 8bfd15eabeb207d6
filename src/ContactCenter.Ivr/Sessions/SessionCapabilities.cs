namespace ContactCenter.Ivr.Sessions;

/// <summary>
/// What a flow session can render and receive. The runner reads these flags once per run and picks how each
/// primitive is rendered: a menu is spoken on voice, shown as buttons where <see cref="Buttons"/> is set and as a
/// numbered list otherwise.
/// </summary>
[Flags]
public enum SessionCapabilities
{
    /// <summary>Nothing beyond plain input.</summary>
    None = 0,

    /// <summary>An audio conversation: text is spoken (TTS) and audio resources are played.</summary>
    Voice = 1 << 0,

    /// <summary>The customer can press keys (DTMF).</summary>
    Dtmf = 1 << 1,

    /// <summary>The session delivers recognised speech as text input.</summary>
    Speech = 1 << 2,

    /// <summary>The session can record the customer (voicemail).</summary>
    Recording = 1 << 3,

    /// <summary>A text conversation: messages are sent and typed text is received.</summary>
    Text = 1 << 4,

    /// <summary>The text channel can show buttons (quick replies, inline keyboards) and report presses.</summary>
    Buttons = 1 << 5,

    /// <summary>The text channel renders links, so a Play primitive can send a link to its audio.</summary>
    Links = 1 << 6,
}
