using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using ContactCenter.Sip.Registrar;
using ContactCenter.Sip.Transport;
using ContactCenter.Sip.UserAgents;

namespace ContactCenter.Sip.Integration.Sipp.Tests;

/// <summary>Our user agent on 127.0.0.1 with ephemeral ports, collecting diagnostics for failure messages.</summary>
internal static class TestAgent
{
    public const string AnswerSdp =
        "v=0\r\no=cc 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n" +
        "m=audio 40000 RTP/AVP 0 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000\r\na=sendrecv\r\n";

    public static SipBody Sdp => SipBody.Sdp(AnswerSdp);

    public static SipUserAgent Start(
        Func<SipIncomingCall, Task>? incomingCall,
        ConcurrentQueue<SipDiagnostic> diagnostics,
        SipRegistrarOptions? registrar = null) =>
        SipUserAgent.Start(new SipUserAgentOptions
        {
            Transport = new SipTransportOptions
            {
                UdpEndPoint = new IPEndPoint(IPAddress.Loopback, 0),
                TcpEndPoint = new IPEndPoint(IPAddress.Loopback, 0),
                Diagnostics = diagnostics.Enqueue,
            },
            IncomingCall = incomingCall,
            Registrar = registrar,
        });

    public static string Port(IPEndPoint? endPoint) => endPoint!.Port.ToString(CultureInfo.InvariantCulture);

    public static string Describe(SippProcess sipp, ConcurrentQueue<SipDiagnostic> diagnostics) =>
        $"sipp output:\n{sipp.Tail()}\nstack diagnostics:\n{string.Join('\n', diagnostics.Select(d => $"{d.Kind} {d.Remote}: {d.Message} {d.Exception?.Message}"))}";
}
