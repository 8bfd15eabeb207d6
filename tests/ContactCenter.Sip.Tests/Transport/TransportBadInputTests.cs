using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using ContactCenter.Sip.Transport;
using ContactCenter.Sip.UserAgents;

namespace ContactCenter.Sip.Tests.Transport;

/// <summary>
/// Bad input on real loopback sockets: malformed requests get 400, garbage and oversized messages are dropped,
/// each is reported once, and the transport keeps serving. Waits are on real events with timeouts.
/// </summary>
public sealed class TransportBadInputTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private readonly ConcurrentQueue<SipDiagnostic> _diagnostics = new();
    private readonly TaskCompletionSource _fourReported = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private SipUserAgent _ua = null!;

    public ValueTask InitializeAsync()
    {
        _ua = SipUserAgent.Start(new SipUserAgentOptions
        {
            Transport = new SipTransportOptions
            {
                UdpEndPoint = new IPEndPoint(IPAddress.Loopback, 0),
                TcpEndPoint = new IPEndPoint(IPAddress.Loopback, 0),
                MaxMessageSize = 4096,
                Diagnostics = d =>
                {
                    _diagnostics.Enqueue(d);
                    if (_diagnostics.Count >= 4)
                    {
                        _fourReported.TrySetResult();
                    }
                },
            },
        });
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _ua.DisposeAsync();

    private static string Options(string branch, string transport = "UDP", string extra = "") =>
        $"OPTIONS sip:cc@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/{transport} 127.0.0.1:9;branch=z9hG4bK{branch};rport\r\nMax-Forwards: 70\r\n" +
        $"From: <sip:probe@127.0.0.1>;tag=p\r\nTo: <sip:cc@127.0.0.1>\r\nCall-ID: {branch}\r\nCSeq: 1 OPTIONS\r\n{extra}Content-Length: 0\r\n\r\n";

    private static async Task<string> ReceiveAsync(UdpClient client)
    {
        using var timeout = new CancellationTokenSource(Wait);
        var result = await client.ReceiveAsync(timeout.Token);
        return Encoding.UTF8.GetString(result.Buffer);
    }

    [Fact]
    public async Task Udp_MalformedGarbageAndOversized_400OrDroppedAndStillServing()
    {
        using var client = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var server = _ua.UdpEndPoint!;

        await client.SendAsync(Encoding.UTF8.GetBytes(Options("bad", extra: "Max-Forwards: lots\r\n")), server);
        Assert.StartsWith("SIP/2.0 400 ", await ReceiveAsync(client), StringComparison.Ordinal);

        await client.SendAsync(new byte[] { 0x16, 0x03, 0x01, 0x00, 0xff, 0x00, 0x0d, 0x0a }, server);
        await client.SendAsync(Encoding.UTF8.GetBytes("SIP/2.0 200 OK\r\nVia: ???\r\n\r\n"), server);
        await client.SendAsync(Encoding.UTF8.GetBytes(Options("big", extra: $"X-Pad: {new string('a', 5000)}\r\n")), server);

        // Each of the three is reported once (the bad request above was too); none of them is answered.
        await _fourReported.Task.WaitAsync(Wait);
        await client.SendAsync(Encoding.UTF8.GetBytes(Options("good")), server);
        var answer = await ReceiveAsync(client);
        Assert.StartsWith("SIP/2.0 200 OK", answer, StringComparison.Ordinal);
        Assert.Contains("z9hG4bKgood", answer, StringComparison.Ordinal);

        var kinds = _diagnostics.Select(d => d.Kind).ToList();
        Assert.Equal(4, kinds.Count);
        Assert.Equal(2, kinds.Count(k => k == SipDiagnosticKind.MalformedRequest));
        Assert.Equal(1, kinds.Count(k => k == SipDiagnosticKind.MalformedResponse));
        Assert.Equal(1, kinds.Count(k => k == SipDiagnosticKind.Oversized));
    }

    [Fact]
    public async Task Tcp_MalformedRequest_400AndConnectionKeepsServing()
    {
        using var client = new TcpClient();
        await client.ConnectAsync(_ua.TcpEndPoint!);
        var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.UTF8);

        await stream.WriteAsync(Encoding.UTF8.GetBytes(Options("tcpbad", "TCP", "Max-Forwards: lots\r\n")));
        Assert.StartsWith("SIP/2.0 400 ", await ReadStatusLineAsync(reader), StringComparison.Ordinal);
        await SkipHeadersAsync(reader);

        await stream.WriteAsync(Encoding.UTF8.GetBytes(Options("tcpgood", "TCP")));
        Assert.StartsWith("SIP/2.0 200 OK", await ReadStatusLineAsync(reader), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tcp_UnreadableContentLength_400ThenClosedAndListenerKeepsServing()
    {
        using (var client = new TcpClient())
        {
            await client.ConnectAsync(_ua.TcpEndPoint!);
            var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.UTF8);
            await stream.WriteAsync(Encoding.UTF8.GetBytes(Options("framing", "TCP").Replace("Content-Length: 0", "Content-Length: x1", StringComparison.Ordinal)));

            Assert.StartsWith("SIP/2.0 400 ", await ReadStatusLineAsync(reader), StringComparison.Ordinal);
            using var timeout = new CancellationTokenSource(Wait);
            while (await reader.ReadLineAsync(timeout.Token) is not null)
            {
            }
        }

        using var next = new TcpClient();
        await next.ConnectAsync(_ua.TcpEndPoint!);
        var nextStream = next.GetStream();
        using var nextReader = new StreamReader(nextStream, Encoding.UTF8);
        await nextStream.WriteAsync(Encoding.UTF8.GetBytes(Options("after", "TCP")));
        Assert.StartsWith("SIP/2.0 200 OK", await ReadStatusLineAsync(nextReader), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tcp_Oversized_513ThenClosedAndReported()
    {
        using var client = new TcpClient();
        await client.ConnectAsync(_ua.TcpEndPoint!);
        var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.UTF8);

        await stream.WriteAsync(Encoding.UTF8.GetBytes(Options("huge", "TCP").Replace("Content-Length: 0", "Content-Length: 100000", StringComparison.Ordinal)));

        Assert.StartsWith("SIP/2.0 513 ", await ReadStatusLineAsync(reader), StringComparison.Ordinal);
        using var timeout = new CancellationTokenSource(Wait);
        while (await reader.ReadLineAsync(timeout.Token) is not null)
        {
        }

        Assert.Contains(_diagnostics, d => d.Kind == SipDiagnosticKind.Oversized);
    }

    private static async Task<string> ReadStatusLineAsync(StreamReader reader)
    {
        using var timeout = new CancellationTokenSource(Wait);
        return await reader.ReadLineAsync(timeout.Token) ?? string.Empty;
    }

    private static async Task SkipHeadersAsync(StreamReader reader)
    {
        using var timeout = new CancellationTokenSource(Wait);
        while (!string.IsNullOrEmpty(await reader.ReadLineAsync(timeout.Token)))
        {
        }
    }
}
