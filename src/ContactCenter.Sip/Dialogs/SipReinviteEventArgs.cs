using ContactCenter.Sip.UserAgents;

namespace ContactCenter.Sip.Dialogs;

/// <summary>
/// The peer sent a re-INVITE (hold, resume, a media change). The handler may set <see cref="Answer"/>; otherwise the
/// call's current local session description is sent again.
/// </summary>
public sealed class SipReinviteEventArgs : EventArgs
{
    /// <summary>Creates the arguments.</summary>
    /// <param name="offer">The peer's new offer, if the re-INVITE had one.</param>
    public SipReinviteEventArgs(SipBody? offer) => Offer = offer;

    /// <summary>The peer's new offer (e.g. SDP with <c>a=sendonly</c> to hold); null for an offerless re-INVITE.</summary>
    public SipBody? Offer { get; }

    /// <summary>Our answer; null keeps the current local description.</summary>
    public SipBody? Answer { get; set; }
}
