using System.Net;
using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.UserAgents;

/// <summary>Options for one outgoing call (<see cref="SipUserAgent.DialAsync"/>).</summary>
public sealed class SipDialOptions
{
    /// <summary>The From address; default <c>sip:{options.DefaultUser}@{our host}</c>. A tag is added.</summary>
    public SipNameAddress? From { get; set; }

    /// <summary>Called (on a stack thread, must be quick) for each provisional response, e.g. 180 Ringing or 183 with early media.</summary>
    public Action<SipResponse>? Progress { get; set; }

    /// <summary>
    /// User name and password for a digest challenge (401 or 407) to the INVITE, e.g. from a SIP trunk or PBX; the
    /// INVITE is sent once more with credentials (MD5 or SHA-256, qop=auth). Null (the default) returns the challenge as the result.
    /// </summary>
    public NetworkCredential? Credentials { get; set; }

    /// <summary>Extra headers for the INVITE (e.g. <c>P-Asserted-Identity</c>).</summary>
    public IReadOnlyList<SipHeader>? Headers { get; set; }
}
