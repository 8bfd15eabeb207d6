namespace ContactCenter.Sip.Transport;

/// <summary>A SIP transport protocol, as named in the <c>Via</c> header (RFC 3261 section 18).</summary>
public enum SipTransportProtocol
{
    /// <summary>UDP: one message per datagram.</summary>
    Udp,

    /// <summary>TCP: a stream framed by <c>Content-Length</c>.</summary>
    Tcp,

    /// <summary>TLS over TCP (RFC 3261 section 26.2): the TCP framing inside an authenticated, encrypted stream.</summary>
    Tls,
}
