namespace ContactCenter.Ivr.Sessions;

/// <summary>The kind of a <see cref="FlowInput"/>.</summary>
public enum FlowInputKind
{
    /// <summary>No input arrived before the time-out. Produced by the runner, never by a session.</summary>
    Timeout = 0,

    /// <summary>One or more DTMF keys (<c>0-9</c>, <c>*</c>, <c>#</c>).</summary>
    Digits,

    /// <summary>Text typed by the customer.</summary>
    Text,

    /// <summary>A button press; <see cref="FlowInput.Value"/> is the button's payload.</summary>
    Button,

    /// <summary>Recognised speech as text.</summary>
    Speech,

    /// <summary>The customer hung up or left the conversation.</summary>
    Disconnected,
}
