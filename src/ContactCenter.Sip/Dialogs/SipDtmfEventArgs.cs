namespace ContactCenter.Sip.Dialogs;

/// <summary>A DTMF digit received in a SIP INFO request (<c>application/dtmf-relay</c> or <c>application/dtmf</c>), the fallback when RFC 4733 events are not used.</summary>
public sealed class SipDtmfEventArgs : EventArgs
{
    /// <summary>Creates the arguments.</summary>
    /// <param name="digit">0-9, *, #, A-D.</param>
    /// <param name="duration">The tone's duration as signalled (default 160 ms when absent).</param>
    public SipDtmfEventArgs(char digit, TimeSpan duration)
    {
        Digit = digit;
        Duration = duration;
    }

    /// <summary>0-9, *, #, A-D.</summary>
    public char Digit { get; }

    /// <summary>The tone's duration as signalled.</summary>
    public TimeSpan Duration { get; }
}
