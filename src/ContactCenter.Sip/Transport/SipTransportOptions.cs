using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace ContactCenter.Sip.Transport;

/// <summary>Where and how the SIP stack listens. Not thread-safe: configure before starting the stack.</summary>
public sealed class SipTransportOptions
{
    /// <summary>The UDP listening address; port 0 picks a free port. Null disables UDP. Default: any IPv4 address, port 5060.</summary>
    public IPEndPoint? UdpEndPoint { get; set; } = new(IPAddress.Any, 5060);

    /// <summary>The TCP listening address; port 0 picks a free port. Null (the default) disables TCP.</summary>
    public IPEndPoint? TcpEndPoint { get; set; }

    /// <summary>The TLS listening address (usually port 5061; 0 picks a free port). Null (the default) disables TLS; it needs <see cref="TlsCertificate"/>.</summary>
    public IPEndPoint? TlsEndPoint { get; set; }

    /// <summary>The server certificate, with its private key, presented on TLS connections; required with <see cref="TlsEndPoint"/>.</summary>
    public X509Certificate2? TlsCertificate { get; set; }

    /// <summary>
    /// Checks the peer's certificate on TLS connections we open; null (the default) uses the system's validation
    /// against the peer's IP address. Set it to accept a private CA or a certificate that names a host.
    /// </summary>
    public RemoteCertificateValidationCallback? TlsRemoteCertificateValidation { get; set; }

    /// <summary>
    /// The largest message accepted or sent, in bytes, headers and body together. Larger UDP datagrams are dropped;
    /// a larger request on a TCP connection is answered 513 and the connection closed. Default: 65,535.
    /// </summary>
    public int MaxMessageSize { get; set; } = 65_535;

    /// <summary>
    /// The most messages accepted from one source IP address per second (a token bucket allowing that many in a burst);
    /// the excess is dropped. 0 disables the limit. Default: 5,000.
    /// </summary>
    public int MaxMessagesPerSecondPerSource { get; set; } = 5_000;

    /// <summary>The most simultaneous inbound TCP connections. Default: 1,024.</summary>
    public int MaxTcpConnections { get; set; } = 1_024;

    /// <summary>
    /// How long a TCP or TLS connection may carry nothing (no byte either way; CRLF keep-alives count) before it is
    /// closed, so idle connections cannot hold the <see cref="MaxTcpConnections"/> slots. At least 1 s. Default: 5 minutes.
    /// </summary>
    public TimeSpan TcpIdleTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long a message may stay incomplete on a TCP or TLS connection — counted from its first byte, and for a new
    /// connection from the moment it opens — before the connection is closed (a Content-Length larger than the body
    /// sent would otherwise hold it forever). At least 1 s and at most <see cref="TcpIdleTimeout"/>. Default: 30 s.
    /// </summary>
    public TimeSpan TcpMessageTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Receives stack events worth logging (bad input, refused messages, socket errors). Called on stack threads; must not block or throw.</summary>
    public Action<SipDiagnostic>? Diagnostics { get; set; }
}
