using System.Net;
using System.Net.Sockets;

namespace ContactCenter.Sip.Transport;

/// <summary>
/// The UDP transport: one socket, a receive loop per core that hands each datagram to the sink inline.
/// Oversized or over-rate datagrams are dropped before parsing.
/// </summary>
internal sealed class UdpSipTransport : ISipTransport
{
    private readonly Socket _socket;
    private readonly ISipTransportSink _sink;
    private readonly SipTransportOptions _options;
    private readonly SourceRateLimiter _limiter;
    private readonly TransportDiagnostics _diagnostics;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _loops = [];

    public UdpSipTransport(IPEndPoint endPoint, SipTransportOptions options, ISipTransportSink sink, SourceRateLimiter limiter, TransportDiagnostics diagnostics)
    {
        _options = options;
        _sink = sink;
        _limiter = limiter;
        _diagnostics = diagnostics;
        _socket = new Socket(endPoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            _socket.ReceiveBufferSize = 4 * 1024 * 1024;
            _socket.SendBufferSize = 4 * 1024 * 1024;
            if (OperatingSystem.IsWindows())
            {
                // Without this a port-unreachable ICMP from a vanished peer fails the next receive on Windows.
                const int SioUdpConnReset = -1744830452;
                _socket.IOControl(SioUdpConnReset, [0, 0, 0, 0], null);
            }

            _socket.Bind(endPoint);
        }
        catch
        {
            _socket.Dispose();
            throw;
        }

        LocalEndPoint = (IPEndPoint)_socket.LocalEndPoint!;
    }

    public SipTransportProtocol Protocol => SipTransportProtocol.Udp;

    public IPEndPoint LocalEndPoint { get; }

    public void Start()
    {
        var loops = Math.Clamp(Environment.ProcessorCount, 1, 4);
        for (var i = 0; i < loops; i++)
        {
            _loops.Add(Task.Factory.StartNew(ReceiveLoopAsync, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap());
        }
    }

    public ValueTask SendAsync(ReadOnlyMemory<byte> message, IPEndPoint remote, CancellationToken cancellationToken)
    {
        if (message.Length > _options.MaxMessageSize)
        {
            throw new InvalidOperationException($"A {message.Length}-byte message is larger than MaxMessageSize ({_options.MaxMessageSize}).");
        }

        try
        {
            // A datagram send does not block in practice; doing it inline avoids an async state machine per message.
            _socket.SendTo(message.Span, SocketFlags.None, remote);
        }
        catch (SocketException exception)
        {
            _diagnostics.Report(SipDiagnosticKind.TransportError, $"UDP send to {remote} failed: {exception.SocketErrorCode}", remote, exception);
        }
        catch (ObjectDisposedException)
        {
        }

        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _socket.Dispose();
        try
        {
            await Task.WhenAll(_loops).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task ReceiveLoopAsync()
    {
        // One byte more than the limit so that an oversized datagram is seen as such rather than truncated.
        var buffer = GC.AllocateUninitializedArray<byte>(Math.Max(_options.MaxMessageSize, 1) + 1, pinned: true);
        EndPoint any = new IPEndPoint(LocalEndPoint.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        var token = _stop.Token;
        while (!token.IsCancellationRequested)
        {
            SocketReceiveFromResult result;
            try
            {
                result = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, any, token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException exception) when (exception.SocketErrorCode is SocketError.ConnectionReset or SocketError.MessageSize)
            {
                continue;
            }
            catch (SocketException exception)
            {
                _diagnostics.Report(SipDiagnosticKind.TransportError, $"UDP receive failed: {exception.SocketErrorCode}", null, exception);
                continue;
            }

            var remote = (IPEndPoint)result.RemoteEndPoint;
            if (result.ReceivedBytes > _options.MaxMessageSize)
            {
                _diagnostics.Report(SipDiagnosticKind.Oversized, $"Dropped a UDP datagram of more than {_options.MaxMessageSize} bytes.", remote);
                continue;
            }

            if (!_limiter.TryAcquire(remote.Address, out var firstRefusal))
            {
                if (firstRefusal)
                {
                    _diagnostics.Report(SipDiagnosticKind.RateLimited, $"{remote.Address} exceeds {_options.MaxMessagesPerSecondPerSource} messages/s; dropping its excess.", remote);
                }

                continue;
            }

            try
            {
                _sink.OnMessage(this, remote, buffer.AsMemory(0, result.ReceivedBytes));
            }
#pragma warning disable CA1031 // Nothing a message does may stop the receive loop.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                _diagnostics.Report(SipDiagnosticKind.HandlerError, "Processing a UDP message failed.", remote, exception);
            }
        }
    }
}
