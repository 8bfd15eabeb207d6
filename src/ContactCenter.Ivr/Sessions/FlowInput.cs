namespace ContactCenter.Ivr.Sessions;

/// <summary>One input from the customer, as delivered by <see cref="IFlowSession.ReceiveAsync"/>.</summary>
/// <param name="Kind">What kind of input this is.</param>
/// <param name="Value">The digits, text or button payload; empty for <see cref="FlowInputKind.Timeout"/> and
/// <see cref="FlowInputKind.Disconnected"/>.</param>
public readonly record struct FlowInput(FlowInputKind Kind, string Value)
{
    /// <summary>No input before the time-out.</summary>
    public static FlowInput TimedOut => new(FlowInputKind.Timeout, string.Empty);

    /// <summary>The customer left.</summary>
    public static FlowInput Disconnected => new(FlowInputKind.Disconnected, string.Empty);

    /// <summary>DTMF keys.</summary>
    /// <param name="digits">The keys pressed.</param>
    public static FlowInput FromDigits(string digits) => new(FlowInputKind.Digits, digits);

    /// <summary>Typed text.</summary>
    /// <param name="text">The text.</param>
    public static FlowInput FromText(string text) => new(FlowInputKind.Text, text);

    /// <summary>A button press.</summary>
    /// <param name="payload">The payload of the pressed button (for a menu: the choice key).</param>
    public static FlowInput FromButton(string payload) => new(FlowInputKind.Button, payload);

    /// <summary>Recognised speech.</summary>
    /// <param name="transcript">The transcript.</param>
    public static FlowInput FromSpeech(string transcript) => new(FlowInputKind.Speech, transcript);

    /// <summary>True when the input carries a value from the customer (not a time-out or a disconnect).</summary>
    public bool HasValue => Kind is FlowInputKind.Digits or FlowInputKind.Text or FlowInputKind.Button or FlowInputKind.Speech;
}
