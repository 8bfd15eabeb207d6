using ContactCenter.Sip.Registrar;
using ContactCenter.Sip.Transport;

namespace ContactCenter.Sip.UserAgents;

/// <summary>How a <see cref="SipUserAgent"/> listens and answers. Configure before <see cref="SipUserAgent.Start"/>; not thread-safe.</summary>
public sealed class SipUserAgentOptions
{
    /// <summary>Listening addresses, size and rate limits, and the diagnostics hook.</summary>
    public SipTransportOptions Transport { get; set; } = new();

    /// <summary>The clock for every SIP timer; <see cref="TimeProvider.System"/> by default.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// The host written in our Via and Contact headers; by default the bound address, or when bound to any address,
    /// the first IPv4 address of this machine. Set it behind NAT or to a DNS name.
    /// </summary>
    public string? PublicHost { get; set; }

    /// <summary>The user part of our Contact and default From; default <c>cc</c>.</summary>
    public string DefaultUser { get; set; } = "cc";

    /// <summary>The <c>User-Agent</c>/<c>Server</c> header value; null sends none. Default <c>ContactCenter.Sip</c>.</summary>
    public string? ProductName { get; set; } = "ContactCenter.Sip";

    /// <summary>
    /// Called for every new inbound call (on the thread pool). Ring, accept or reject the call from here or later.
    /// Without a handler calls are answered 480 Temporarily Unavailable.
    /// </summary>
    public Func<SipIncomingCall, Task>? IncomingCall { get; set; }

    /// <summary>Act as a registrar for softphones; null (the default) answers REGISTER with 405.</summary>
    public SipRegistrarOptions? Registrar { get; set; }
}
