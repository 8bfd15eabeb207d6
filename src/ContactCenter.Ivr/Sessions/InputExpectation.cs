namespace ContactCenter.Ivr.Sessions;

/// <summary>What the flow waits for; a hint sessions may use (e.g. a voice session arms its DTMF detector).</summary>
public enum InputExpectation
{
    /// <summary>A choice among known options (menu, yes/no).</summary>
    Choice = 0,

    /// <summary>Keys: digits, <c>*</c> and <c>#</c>.</summary>
    Digits,

    /// <summary>Free text or speech.</summary>
    Text,

    /// <summary>Anything, including a request to leave a queue.</summary>
    Any,
}
