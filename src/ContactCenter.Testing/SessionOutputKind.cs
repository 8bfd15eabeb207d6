namespace ContactCenter.Testing;

/// <summary>What a scripted session was asked to render.</summary>
public enum SessionOutputKind
{
    /// <summary>Spoken text (voice).</summary>
    Speech = 0,

    /// <summary>An audio resource played (voice).</summary>
    Audio,

    /// <summary>A text message.</summary>
    Text,

    /// <summary>A text message with buttons.</summary>
    Buttons,

    /// <summary>A recording was taken (voice).</summary>
    Recording,
}
