using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transport;

namespace ContactCenter.Sip.Dialogs;

/// <summary>
/// Dialog state (RFC 3261 section 12): identity, local and remote URIs with tags, remote target, route set and
/// CSeq counters, and the construction of in-dialog requests (section 12.2.1.1, loose routing only).
/// Thread-safe: the counters are atomic and the target is replaced whole.
/// </summary>
internal sealed class SipDialog
{
    private readonly string[] _routeSet;
    private long _localSequence;
    private long _remoteSequence;

    private SipDialog(DialogKey key, string localAddress, string remoteAddress, SipUri remoteTarget, string[] routeSet, uint localSequence, long remoteSequence, SipTarget target)
    {
        Key = key;
        LocalAddress = localAddress;
        RemoteAddress = remoteAddress;
        RemoteTarget = remoteTarget;
        _routeSet = routeSet;
        _localSequence = localSequence;
        _remoteSequence = remoteSequence;
        Target = target;
    }

    public DialogKey Key { get; }

    /// <summary>Our From (UAC) or To (UAS) header value, with our tag.</summary>
    public string LocalAddress { get; }

    /// <summary>The peer's header value, with its tag.</summary>
    public string RemoteAddress { get; }

    /// <summary>The peer's Contact: where in-dialog requests go (absent a route set).</summary>
    public SipUri RemoteTarget { get; private set; }

    /// <summary>Route header values for in-dialog requests, in order.</summary>
    public IReadOnlyList<string> RouteSet => _routeSet;

    /// <summary>The transport and address in-dialog requests are sent to.</summary>
    public SipTarget Target { get; set; }

    /// <summary>The CSeq number of the last request we sent.</summary>
    public uint LocalSequence => (uint)Interlocked.Read(ref _localSequence);

    /// <summary>The dialog a UAS forms from an INVITE it answers 2xx (section 12.1.1): route set = Record-Route as received.</summary>
    public static SipDialog ForUas(SipRequest invite, string localTag, SipTarget target)
    {
        var from = invite.From;
        var to = invite.To;
        var remoteTarget = invite.Contacts.Count > 0 ? invite.Contacts[0].Uri : from.Uri;
        return new SipDialog(
            new DialogKey(invite.CallId, localTag, from.Tag ?? string.Empty),
            to.WithTag(localTag).ToString(),
            from.ToString(),
            remoteTarget,
            [.. invite.Headers.GetAll(SipHeaderNames.RecordRoute)],
            (uint)Random.Shared.Next(1, 1 << 20),
            invite.CSeq.Sequence,
            target);
    }

    /// <summary>The dialog a UAC forms from a 2xx to its INVITE (section 12.1.2): route set = Record-Route reversed.</summary>
    public static SipDialog ForUac(SipRequest invite, SipResponse response, SipTarget target)
    {
        var to = response.To;
        var remoteTarget = response.Contacts.Count > 0 ? response.Contacts[0].Uri : invite.RequestUri;
        var routes = response.Headers.GetValues(SipHeaderNames.RecordRoute).Reverse().ToArray();
        return new SipDialog(
            new DialogKey(invite.CallId, invite.From.Tag ?? string.Empty, to.Tag ?? string.Empty),
            invite.Headers.GetFirst(SipHeaderNames.From)!,
            to.ToString(),
            remoteTarget,
            routes,
            invite.CSeq.Sequence,
            -1,
            target);
    }

    /// <summary>Checks and records a peer's in-dialog CSeq (section 12.2.2); false for an out-of-order request (answer 500).</summary>
    public bool AcceptRemoteSequence(uint sequence)
    {
        while (true)
        {
            var current = Interlocked.Read(ref _remoteSequence);
            if (current >= 0 && sequence <= current)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _remoteSequence, sequence, current) == current)
            {
                return true;
            }
        }
    }

    /// <summary>A target refresh (re-INVITE, its 2xx) moved the peer's Contact.</summary>
    public void RefreshTarget(SipMessage message)
    {
        if (message.Contacts.Count > 0)
        {
            RemoteTarget = message.Contacts[0].Uri;
        }
    }

    /// <summary>A new in-dialog request with the next CSeq (ACK and CANCEL are built elsewhere).</summary>
    public SipRequest CreateRequest(string method, SipVia via, string? contact)
    {
        var sequence = (uint)Interlocked.Increment(ref _localSequence);
        return Build(method, sequence, via, contact);
    }

    /// <summary>The ACK for a 2xx to the INVITE numbered <paramref name="inviteSequence"/> (section 13.2.2.4): its own branch, same CSeq number.</summary>
    public SipRequest CreateAck(uint inviteSequence, SipVia via) => Build(SipMethods.Ack, inviteSequence, via, null);

    private SipRequest Build(string method, uint sequence, SipVia via, string? contact)
    {
        var request = new SipRequest(method, RemoteTarget);
        var headers = request.Headers;
        headers.Add(SipHeaderNames.Via, via.ToString());
        headers.Add(SipHeaderNames.MaxForwards, "70");
        headers.Add(SipHeaderNames.From, LocalAddress);
        headers.Add(SipHeaderNames.To, RemoteAddress);
        headers.Add(SipHeaderNames.CallId, Key.CallId);
        headers.Add(SipHeaderNames.CSeq, new SipCSeq(sequence, method).ToString());
        foreach (var route in _routeSet)
        {
            headers.Add(SipHeaderNames.Route, route);
        }

        if (contact is not null)
        {
            headers.Add(SipHeaderNames.Contact, contact);
        }

        return request;
    }
}
