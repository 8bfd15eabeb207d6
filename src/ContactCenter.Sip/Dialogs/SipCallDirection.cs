namespace ContactCenter.Sip.Dialogs;

/// <summary>Who placed a call.</summary>
public enum SipCallDirection
{
    /// <summary>The peer called us (we are the UAS).</summary>
    Inbound,

    /// <summary>We called the peer (we are the UAC).</summary>
    Outbound,
}
