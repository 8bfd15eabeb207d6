using System.Collections.Concurrent;
using System.Net;
using System.Text;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Registrar;
using ContactCenter.Sip.Transactions;
using ContactCenter.Sip.Transport;
using ContactCenter.Sip.UserAgents;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Sip.Tests.UserAgents;

/// <summary>
/// The stack above the sockets (pipeline, transactions, user agent core, registrar) on a fake clock and an
/// in-memory transport. The peer is 192.0.2.1:5062; we are 192.0.2.10:5060.
/// </summary>
internal sealed class StackHarness
{
    public static readonly IPEndPoint Peer = new(IPAddress.Parse("192.0.2.1"), 5062);
    private int _branch;

    public StackHarness(Func<SipIncomingCall, Task>? incomingCall = null, SipRegistrarOptions? registrar = null, SipTransportProtocol protocol = SipTransportProtocol.Udp)
    {
        var options = new SipUserAgentOptions { IncomingCall = incomingCall, Registrar = registrar, TimeProvider = Time };
        var diagnostics = new TransportDiagnostics(Diagnostics.Enqueue);
        Transactions = new TransactionLayer(Time, SipTimers.Default, diagnostics);
        Registrar = registrar is null ? null : new SipRegistrar(registrar, Time);
        Core = new UserAgentCore(options, Transactions, Registrar);
        Pipeline = new InboundPipeline(Transactions, diagnostics, 65_535);
        Transport = new FakeTransport(protocol, new IPEndPoint(IPAddress.Parse("192.0.2.10"), 5060));
        Core.AttachTransports(protocol == SipTransportProtocol.Udp ? Transport : null, protocol == SipTransportProtocol.Tcp ? Transport : null);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    public ConcurrentQueue<SipDiagnostic> Diagnostics { get; } = new();

    public TransactionLayer Transactions { get; }

    public SipRegistrar? Registrar { get; }

    public UserAgentCore Core { get; }

    public InboundPipeline Pipeline { get; }

    public FakeTransport Transport { get; }

    public string NewBranch() => $"z9hG4bKtest{Interlocked.Increment(ref _branch)}";

    /// <summary>Injects raw text from the peer (lines joined with CRLF; Content-Length computed unless given).</summary>
    public void Receive(string message) => Pipeline.OnMessage(Transport, Peer, Encoding.UTF8.GetBytes(message));

    public void Receive(SipMessage message) => Pipeline.OnMessage(Transport, Peer, message.ToBytes());

    /// <summary>A request from the peer as text.</summary>
    public static string Request(
        string method,
        string branch,
        string callId = "call-1",
        uint cseq = 1,
        string fromTag = "peer",
        string? toTag = null,
        string? extraHeaders = null,
        string? body = null,
        string? cseqMethod = null,
        string to = "<sip:1001@192.0.2.10>")
    {
        var builder = new StringBuilder();
        builder.Append(method).Append(" sip:1001@192.0.2.10:5060 SIP/2.0\r\n");
        builder.Append("Via: SIP/2.0/UDP 192.0.2.1:5062;branch=").Append(branch).Append("\r\n");
        builder.Append("Max-Forwards: 70\r\n");
        builder.Append("From: <sip:peer@192.0.2.1>;tag=").Append(fromTag).Append("\r\n");
        builder.Append("To: ").Append(to).Append(toTag is null ? string.Empty : ";tag=" + toTag).Append("\r\n");
        builder.Append("Call-ID: ").Append(callId).Append("\r\n");
        builder.Append("CSeq: ").Append(cseq).Append(' ').Append(cseqMethod ?? method).Append("\r\n");
        builder.Append("Contact: <sip:peer@192.0.2.1:5062>\r\n");
        if (extraHeaders is not null)
        {
            builder.Append(extraHeaders.Replace("\n", "\r\n", StringComparison.Ordinal).TrimEnd('\r', '\n')).Append("\r\n");
        }

        if (body is not null)
        {
            builder.Append("Content-Type: application/sdp\r\n");
        }

        builder.Append("Content-Length: ").Append(body is null ? 0 : Encoding.UTF8.GetByteCount(body)).Append("\r\n\r\n");
        builder.Append(body);
        return builder.ToString();
    }

    public List<SipResponse> Responses() => [.. Transport.Drain().OfType<SipResponse>()];

    /// <summary>Advances the clock in 50 ms steps so every timer fires at its due time.</summary>
    public void Run(TimeSpan duration)
    {
        for (var elapsed = TimeSpan.Zero; elapsed < duration; elapsed += TimeSpan.FromMilliseconds(50))
        {
            Time.Advance(TimeSpan.FromMilliseconds(50));
        }
    }
}
