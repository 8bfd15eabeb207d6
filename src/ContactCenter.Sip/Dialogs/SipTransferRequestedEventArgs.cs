using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Dialogs;

/// <summary>The peer asked us to transfer the call (an in-dialog REFER, RFC 3515). Set <see cref="Accept"/> in the handler to take it.</summary>
public sealed class SipTransferRequestedEventArgs : EventArgs
{
    /// <summary>Creates the arguments.</summary>
    /// <param name="target">The Refer-To target.</param>
    public SipTransferRequestedEventArgs(SipUri target) => Target = target;

    /// <summary>Where the peer wants the call to go.</summary>
    public SipUri Target { get; }

    /// <summary>Set true to answer 202 Accepted (the application then places the new call); default false answers 603 Decline.</summary>
    public bool Accept { get; set; }
}
