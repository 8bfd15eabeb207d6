using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using ContactCenter.Sip.Transport;
using ContactCenter.Sip.UserAgents;

namespace ContactCenter.Sip.Tests.Transport;

/// <summary>
/// Random and mutated messages thrown at live UDP and TCP transports for a bounded time (seeded, so a failure
/// replays): nothing escapes as a handler error, and the stack still answers afterwards.
/// </summary>
public sealed class TransportFuzzTests
{
    private static readonly string[] Seeds =
    [
        "INVITE sip:cc@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:9;branch=z9hG4bKf1\r\nMax-Forwards: 70\r\nFrom: \"A\" <sip:a@127.0.0.1>;tag=1\r\n" +
        "To: <sip:cc@127.0.0.1>\r\nCall-ID: f1\r\nCSeq: 1 INVITE\r\nContact: <sip:a@127.0.0.1:9>\r\nContent-Type: application/sdp\r\nContent-Length: 10\r\n\r\nv=0\r\ns=-\r\n",
        "OPTIONS sip:cc@127.0.0.1 SIP/2.0\r\nv: SIP/2.0/UDP 127.0.0.1:9;branch=z9hG4bKf2;rport\r\nf: <sip:a@127.0.0.1>;tag=2\r\nt: sip:cc@127.0.0.1\r\ni: f2\r\nCSeq: 7 OPTIONS\r\nl: 0\r\n\r\n",
        "SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 127.0.0.1:9;branch=z9hG4bKf3\r\nFrom: <sip:a@127.0.0.1>;tag=3\r\nTo: <sip:cc@127.0.0.1>;tag=x\r\nCall-ID: f3\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n",
        "REGISTER sip:127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:9;branch=z9hG4bKf4\r\nFrom: <sip:1001@127.0.0.1>;tag=4\r\nTo: <sip:1001@127.0.0.1>\r\n" +
        "Call-ID: f4\r\nCSeq: 1 REGISTER\r\nContact: *\r\nExpires: 0\r\nAuthorization: Digest username=\"1001\", realm=\"x\", nonce=\"\", uri=\"sip:x\", response=\"\"\r\nContent-Length: 0\r\n\r\n",
        "BYE sip:cc@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:9;branch=z9hG4bKf5\r\nFrom: <sip:a@127.0.0.1>;tag=5\r\nTo: <sip:cc@127.0.0.1>;tag=nope\r\nCall-ID: f5\r\nCSeq: 2 BYE\r\nContent-Length: 0\r\n\r\n",
    ];

    [Fact]
    public async Task RandomAndMutatedInput_ForTwoSeconds_NoHandlerErrorAndStillServing()
    {
        var diagnostics = new ConcurrentQueue<SipDiagnostic>();
        await using var ua = SipUserAgent.Start(new SipUserAgentOptions
        {
            Transport = new SipTransportOptions
            {
                UdpEndPoint = new IPEndPoint(IPAddress.Loopback, 0),
                TcpEndPoint = new IPEndPoint(IPAddress.Loopback, 0),
                MaxMessagesPerSecondPerSource = 0,
                Diagnostics = diagnostics.Enqueue,
            },
            IncomingCall = call =>
            {
                call.Reject(486);
                return Task.CompletedTask;
            },
            Registrar = new() { Realm = "x", PasswordLookup = _ => "secret" },
        });
        var random = new Random(4475);
        using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var sent = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(2))
        {
            var datagram = Mutate(random);
            await udp.SendAsync(datagram, ua.UdpEndPoint!);
            sent++;
            if (sent % 200 == 0)
            {
                using var tcp = new TcpClient();
                await tcp.ConnectAsync(ua.TcpEndPoint!);
                var stream = tcp.GetStream();
                try
                {
                    for (var i = 0; i < 20; i++)
                    {
                        await stream.WriteAsync(Mutate(random));
                    }
                }
                catch (IOException)
                {
                    // The stack closes a connection whose stream it cannot frame: expected.
                }
            }
        }

        var answered = await OptionsAnsweredAsync(ua.UdpEndPoint!);
        Assert.StartsWith("SIP/2.0 200 OK", answered, StringComparison.Ordinal);
        Assert.True(sent > 1000, $"only {sent} messages sent");
        Assert.DoesNotContain(diagnostics, d => d.Kind == SipDiagnosticKind.HandlerError);
    }

    private static byte[] Mutate(Random random)
    {
        if (random.Next(10) == 0)
        {
            var noise = new byte[random.Next(1, 600)];
            random.NextBytes(noise);
            return noise;
        }

        var bytes = Encoding.UTF8.GetBytes(Seeds[random.Next(Seeds.Length)]).ToList();
        var mutations = random.Next(1, 6);
        for (var m = 0; m < mutations && bytes.Count > 0; m++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(5))
            {
                case 0:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 1:
                    bytes.RemoveAt(at);
                    break;
                case 2:
                    bytes.Insert(at, (byte)"\r\n:;<>\"@, \t"[random.Next(11)]);
                    break;
                case 3:
                    bytes.RemoveRange(at, Math.Min(random.Next(1, 40), bytes.Count - at));
                    break;
                default:
                    bytes.InsertRange(at, bytes.GetRange(at, Math.Min(random.Next(1, 40), bytes.Count - at)));
                    break;
            }
        }

        return [.. bytes];
    }

    private static async Task<string> OptionsAnsweredAsync(IPEndPoint server)
    {
        using var client = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var options = "OPTIONS sip:cc@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:9;branch=z9hG4bKafterfuzz;rport\r\nMax-Forwards: 70\r\n" +
            "From: <sip:p@127.0.0.1>;tag=p\r\nTo: <sip:cc@127.0.0.1>\r\nCall-ID: afterfuzz\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";
        // UDP may drop the probe while the socket still drains the fuzz backlog: retransmit like a UAC would
        // (RFC 3261 Timer E), for at most 10 s.
        var bytes = Encoding.UTF8.GetBytes(options);
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            await client.SendAsync(bytes, server);
            using var attempt = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
            try
            {
                var result = await client.ReceiveAsync(attempt.Token);
                return Encoding.UTF8.GetString(result.Buffer);
            }
            catch (OperationCanceledException) when (deadline.Elapsed < TimeSpan.FromSeconds(10))
            {
            }
        }
    }
}
