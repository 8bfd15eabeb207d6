using System.Globalization;
using System.Net;
using ContactCenter.Sip.Transport;
using ContactCenter.Sip.UserAgents;

namespace ContactCenter.Sip.Benchmarks;

/// <summary>
/// A user agent server that answers every call at once (INVITE → 100 → 200 with SDP, then ACK and BYE from the
/// caller), for sipp-load.sh to drive with sipp's built-in uac scenario. Not a BenchmarkDotNet benchmark: it runs
/// only with the first argument <c>uas-host</c>.
/// </summary>
internal static class UasLoadHost
{
    private const string AnswerSdp =
        "v=0\r\no=cc 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n" +
        "m=audio 40000 RTP/AVP 0 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000\r\na=sendrecv\r\n";

    public static async Task<int> RunAsync(string[] args)
    {
        var port = 5070;
        var seconds = 600;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--port":
                    port = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    break;
                case "--seconds":
                    seconds = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    break;
            }
        }

        var answer = SipBody.Sdp(AnswerSdp);
        long accepted = 0;
        long diagnostics = 0;
        await using var ua = SipUserAgent.Start(new SipUserAgentOptions
        {
            Transport = new SipTransportOptions
            {
                UdpEndPoint = new IPEndPoint(IPAddress.Loopback, port),

                // One source (sipp) sends everything: the per-source limit would be the bottleneck being measured.
                MaxMessagesPerSecondPerSource = 0,
                Diagnostics = d =>
                {
                    if (Interlocked.Increment(ref diagnostics) <= 20)
                    {
                        Console.Error.WriteLine($"{d.Kind} {d.Remote}: {d.Message} {d.Exception?.Message}");
                    }
                },
            },
            IncomingCall = call =>
            {
                if (call.TryAccept(answer, out _))
                {
                    Interlocked.Increment(ref accepted);
                }

                return Task.CompletedTask;
            },
        });

        Console.WriteLine($"uas-host listening on udp {ua.UdpEndPoint}");
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(
            System.Runtime.InteropServices.PosixSignal.SIGTERM,
            context =>
            {
                context.Cancel = true;
                stop.Cancel();
            });

        long last = 0;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(5));
        try
        {
            while (await timer.WaitForNextTickAsync(stop.Token))
            {
                var now = Interlocked.Read(ref accepted);
                Console.WriteLine($"accepted {now} calls (+{(now - last) / 5.0:F0}/s), {ua.ActiveCalls} active, {Interlocked.Read(ref diagnostics)} diagnostics");
                last = now;
            }
        }
        catch (OperationCanceledException)
        {
        }

        Console.WriteLine($"uas-host stopping after {Interlocked.Read(ref accepted)} calls");
        return 0;
    }
}
