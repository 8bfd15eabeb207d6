using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using ContactCenter.Sip.Transport;
using ContactCenter.Sip.UserAgents;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Sip.Tests.Transport;

/// <summary>
/// TCP idle and incomplete-message time-outs on real loopback sockets and a fake clock: the clock is advanced in
/// steps and each step waits (with a time-out) for the server to close the socket, so a connection can never be
/// closed before the fake clock reaches its time-out.
/// </summary>
public sealed class TcpTimeoutTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 2, 12, 0, 0, TimeSpan.Zero));
    private readonly ConcurrentQueue<SipDiagnostic> _diagnostics = new();
    private SipUserAgent _ua = null!;

    public ValueTask InitializeAsync()
    {
        _ua = SipUserAgent.Start(new SipUserAgentOptions
        {
            TimeProvider = _time,
            Transport = new SipTransportOptions
            {
                UdpEndPoint = null,
                TcpEndPoint = new IPEndPoint(IPAddress.Loopback, 0),
                MaxTcpConnections = 2,
                TcpMessageTimeout = TimeSpan.FromSeconds(10),
                TcpIdleTimeout = TimeSpan.FromSeconds(60),
                Diagnostics = _diagnostics.Enqueue,
            },
        });
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _ua.DisposeAsync();

    private static string Options(string branch, int contentLength = 0, string body = "") =>
        $"OPTIONS sip:cc@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/TCP 127.0.0.1:9;branch=z9hG4bK{branch}\r\nMax-Forwards: 70\r\n" +
        $"From: <sip:probe@127.0.0.1>;tag=p\r\nTo: <sip:cc@127.0.0.1>\r\nCall-ID: {branch}\r\nCSeq: 1 OPTIONS\r\nContent-Length: {contentLength}\r\n\r\n{body}";

    /// <summary>Advances the fake clock a step at a time until the server closes <paramref name="client"/>; returns how far it advanced.</summary>
    private async Task<TimeSpan> AdvanceUntilClosedAsync(TcpClient client, TimeSpan limit, TimeSpan step)
    {
        var stream = client.GetStream();
        var closed = DrainUntilClosedAsync(stream);
        var advanced = TimeSpan.Zero;
        while (advanced < limit)
        {
            _time.Advance(step);
            advanced += step;
            try
            {
                await closed.WaitAsync(TimeSpan.FromMilliseconds(200));
                return advanced;
            }
            catch (TimeoutException)
            {
                // Still open at this fake time; the server may also not have taken the connection yet.
            }
        }

        await closed.WaitAsync(Wait);
        return advanced;
    }

    private static async Task DrainUntilClosedAsync(NetworkStream stream)
    {
        var buffer = new byte[4096];
        try
        {
            while (await stream.ReadAsync(buffer) > 0)
            {
            }
        }
        catch (IOException)
        {
            // Reset by the server: closed.
        }
    }

    private async Task<string> AskAsync(TcpClient client, string request)
    {
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.UTF8.GetBytes(request));
        var buffer = new byte[4096];
        using var timeout = new CancellationTokenSource(Wait);
        var read = await stream.ReadAsync(buffer, timeout.Token);
        return Encoding.UTF8.GetString(buffer, 0, read);
    }

    [Fact]
    public async Task TcpMessageTimeout_ContentLengthBeyondBody_ConnectionClosedAfterTimeout()
    {
        using var client = new TcpClient();
        await client.ConnectAsync(_ua.TcpEndPoint!);
        await client.GetStream().WriteAsync(Encoding.UTF8.GetBytes(Options("short", contentLength: 100, body: "ten bytes.")));

        var advanced = await AdvanceUntilClosedAsync(client, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(1));

        Assert.InRange(advanced, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30));
        Assert.Contains(_diagnostics, d => d.Kind == SipDiagnosticKind.ConnectionTimedOut);
    }

    [Fact]
    public async Task TcpMessageTimeout_ConnectionsThatNeverSend_ClosedSoNewClientsAreServed()
    {
        using var first = new TcpClient();
        using var second = new TcpClient();
        await first.ConnectAsync(_ua.TcpEndPoint!);
        await second.ConnectAsync(_ua.TcpEndPoint!);

        var advanced = await AdvanceUntilClosedAsync(first, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(1));
        await AdvanceUntilClosedAsync(second, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(1));

        Assert.True(advanced >= TimeSpan.FromSeconds(10), $"Closed after {advanced}.");
        using var third = new TcpClient();
        await third.ConnectAsync(_ua.TcpEndPoint!);
        Assert.StartsWith("SIP/2.0 200", await AskAsync(third, Options("third")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TcpIdleTimeout_QuietAfterAMessage_ClosedAfterIdleTimeoutNotMessageTimeout()
    {
        using var client = new TcpClient();
        await client.ConnectAsync(_ua.TcpEndPoint!);
        Assert.StartsWith("SIP/2.0 200", await AskAsync(client, Options("idle")), StringComparison.Ordinal);

        var advanced = await AdvanceUntilClosedAsync(client, TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(5));

        Assert.InRange(advanced, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(120));
    }
}
