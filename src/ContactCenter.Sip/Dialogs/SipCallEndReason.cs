namespace ContactCenter.Sip.Dialogs;

/// <summary>Why an established call ended.</summary>
public enum SipCallEndReason
{
    /// <summary>We sent BYE.</summary>
    LocalHangup,

    /// <summary>The peer sent BYE.</summary>
    RemoteHangup,

    /// <summary>Our 2xx was never acknowledged (RFC 3261 section 13.3.1.4); a BYE was sent.</summary>
    NoAck,

    /// <summary>The user agent was stopped.</summary>
    Shutdown,
}
