using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Transport;

/// <summary>
/// The TCP transport, and with a certificate the TLS one: a listener, inbound and outbound connections keyed by the
/// peer's address, responses sent back on the connection the request came in on (RFC 3261 section 18.2.2).
/// TLS handshakes run per connection with a 10 s limit, never in the accept loop.
/// </summary>
internal sealed class TcpSipTransport : ISipTransport
{
    private static readonly TimeSpan HandshakeTimeout = TimeSpan.FromSeconds(10);
    private readonly Socket _listener;
    private readonly X509Certificate2? _certificate;
    private readonly ISipTransportSink _sink;
    private readonly ConcurrentDictionary<IPEndPoint, TcpSipConnection> _connections = new();
    private readonly CancellationTokenSource _stop = new();
    private Task _acceptLoop = Task.CompletedTask;

    public TcpSipTransport(
        IPEndPoint endPoint,
        SipTransportOptions options,
        ISipTransportSink sink,
        SourceRateLimiter limiter,
        TransportDiagnostics diagnostics,
        TimeProvider time,
        X509Certificate2? tlsCertificate = null)
    {
        Time = time;
        _certificate = tlsCertificate;
        Options = options;
        _sink = sink;
        Limiter = limiter;
        Diagnostics = diagnostics;
        _listener = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            _listener.Bind(endPoint);
            _listener.Listen(512);
        }
        catch
        {
            _listener.Dispose();
            throw;
        }

        LocalEndPoint = (IPEndPoint)_listener.LocalEndPoint!;
    }

    public SipTransportProtocol Protocol => _certificate is null ? SipTransportProtocol.Tcp : SipTransportProtocol.Tls;

    public IPEndPoint LocalEndPoint { get; }

    internal SipTransportOptions Options { get; }

    internal SourceRateLimiter Limiter { get; }

    internal TransportDiagnostics Diagnostics { get; }

    /// <summary>The clock for the idle and incomplete-message time-outs.</summary>
    internal TimeProvider Time { get; }

    /// <summary>Open connections (for tests and diagnostics).</summary>
    internal int ConnectionCount => _connections.Count;

    public void Start() => _acceptLoop = Task.Run(AcceptLoopAsync);

    public async ValueTask SendAsync(ReadOnlyMemory<byte> message, IPEndPoint remote, CancellationToken cancellationToken)
    {
        if (message.Length > Options.MaxMessageSize)
        {
            throw new InvalidOperationException($"A {message.Length}-byte message is larger than MaxMessageSize ({Options.MaxMessageSize}).");
        }

        if (!_connections.TryGetValue(remote, out var connection))
        {
            var socket = new Socket(remote.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            Stream stream;
            try
            {
                await socket.ConnectAsync(remote, cancellationToken).ConfigureAwait(false);
                stream = await OpenStreamAsync(socket, client: true, remote, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                socket.Dispose();
                throw;
            }

            connection = new TcpSipConnection(socket, stream, this, inbound: false);
            if (!_connections.TryAdd(remote, connection))
            {
                await connection.DisposeAsync().ConfigureAwait(false);
                connection = _connections[remote];
            }
            else
            {
                connection.Start();
            }
        }

        try
        {
            await connection.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException or IOException)
        {
            Diagnostics.Report(SipDiagnosticKind.TransportError, $"TCP send to {remote} failed.", remote, exception);
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Dispose();
        try
        {
            await _acceptLoop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        foreach (var connection in _connections.Values)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }

        _stop.Dispose();
    }

    internal void Deliver(IPEndPoint remote, SipParseResult message)
    {
        try
        {
            _sink.OnParsed(this, remote, message);
        }
#pragma warning disable CA1031 // Nothing a message does may stop the connection.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Diagnostics.Report(SipDiagnosticKind.HandlerError, "Processing a TCP message failed.", remote, exception);
        }
    }

    internal void OnClosed(TcpSipConnection connection)
    {
        _connections.TryRemove(new KeyValuePair<IPEndPoint, TcpSipConnection>(connection.Remote, connection));
        _ = connection.DisposeAsync().AsTask();
    }

    private async Task AcceptLoopAsync()
    {
        var token = _stop.Token;
        while (!token.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptAsync(token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException exception)
            {
                Diagnostics.Report(SipDiagnosticKind.TransportError, $"TCP accept failed: {exception.SocketErrorCode}", null, exception);
                continue;
            }

            if (_connections.Count >= Options.MaxTcpConnections)
            {
                Diagnostics.Report(SipDiagnosticKind.TransportError, $"Refused a TCP connection: {Options.MaxTcpConnections} are open.", socket.RemoteEndPoint as IPEndPoint);
                socket.Dispose();
                continue;
            }

            _ = StartInboundAsync(socket, token);
        }
    }

    private async Task StartInboundAsync(Socket socket, CancellationToken stopping)
    {
        var remote = socket.RemoteEndPoint as IPEndPoint;
        try
        {
            var stream = await OpenStreamAsync(socket, client: false, remote, stopping).ConfigureAwait(false);
            var connection = new TcpSipConnection(socket, stream, this, inbound: true);
            _connections[connection.Remote] = connection;
            connection.Start();
        }
#pragma warning disable CA1031 // A failed handshake closes that connection only.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Diagnostics.Report(SipDiagnosticKind.TransportError, "A TLS handshake failed.", remote, exception);
            socket.Dispose();
        }
    }

    // A plain network stream for TCP; for TLS an SslStream authenticated as server (our certificate) or as client.
    private async Task<Stream> OpenStreamAsync(Socket socket, bool client, IPEndPoint? remote, CancellationToken cancellationToken)
    {
        var network = new NetworkStream(socket, ownsSocket: false);
        if (_certificate is null)
        {
            return network;
        }

        var ssl = new SslStream(network, leaveInnerStreamOpen: false);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(HandshakeTimeout);
        try
        {
            if (client)
            {
                await ssl.AuthenticateAsClientAsync(
                    new SslClientAuthenticationOptions
                    {
                        TargetHost = remote?.Address.ToString(),
                        RemoteCertificateValidationCallback = Options.TlsRemoteCertificateValidation,
                    },
                    timeout.Token).ConfigureAwait(false);
            }
            else
            {
                await ssl.AuthenticateAsServerAsync(
                    new SslServerAuthenticationOptions { ServerCertificate = _certificate, ClientCertificateRequired = false },
                    timeout.Token).ConfigureAwait(false);
            }
        }
        catch
        {
            await ssl.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return ssl;
    }
}
