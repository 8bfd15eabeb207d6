using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using ContactCenter.Sip.Transport;
using ContactCenter.Sip.UserAgents;

namespace ContactCenter.Sip.Tests.Transport;

public sealed class RateLimitTests
{
    [Fact]
    public async Task Udp_FloodFromOneSource_ExcessDroppedAndReportedOnce()
    {
        var limited = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var diagnostics = new ConcurrentQueue<SipDiagnostic>();
        await using var ua = SipUserAgent.Start(new SipUserAgentOptions
        {
            Transport = new SipTransportOptions
            {
                UdpEndPoint = new IPEndPoint(IPAddress.Loopback, 0),
                MaxMessagesPerSecondPerSource = 5,
                Diagnostics = d =>
                {
                    diagnostics.Enqueue(d);
                    if (d.Kind == SipDiagnosticKind.RateLimited)
                    {
                        limited.TrySetResult();
                    }
                },
            },
        });
        using var client = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));

        for (var i = 0; i < 50; i++)
        {
            var options = $"OPTIONS sip:cc@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:9;branch=z9hG4bKflood{i};rport\r\nMax-Forwards: 70\r\n" +
                $"From: <sip:f@127.0.0.1>;tag=f\r\nTo: <sip:cc@127.0.0.1>\r\nCall-ID: flood{i}\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";
            await client.SendAsync(Encoding.UTF8.GetBytes(options), ua.UdpEndPoint!);
        }

        await limited.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var rateLimited = Assert.Single(diagnostics, d => d.Kind == SipDiagnosticKind.RateLimited);
        Assert.Equal(IPAddress.Loopback, rateLimited.Remote!.Address);
    }
}
