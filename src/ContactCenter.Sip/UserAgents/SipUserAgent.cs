using System.Net;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Registrar;
using ContactCenter.Sip.Transactions;
using ContactCenter.Sip.Transport;

namespace ContactCenter.Sip.UserAgents;

/// <summary>
/// A SIP endpoint: UDP, TCP and/or TLS transports, the transaction layer, a user agent client and server for calls,
/// and optionally a registrar for softphones. Start it with <see cref="Start"/>, dispose it to stop. Thread-safe.
/// </summary>
/// <example>
/// <code>
/// await using var ua = SipUserAgent.Start(new SipUserAgentOptions
/// {
///     Transport = { UdpEndPoint = new IPEndPoint(IPAddress.Any, 5060) },
///     IncomingCall = call =>
///     {
///         call.Ring();
///         if (call.TryAccept(SipBody.Sdp(answerSdp), out var established))
///         {
///             established.DtmfReceived += (_, e) => Console.WriteLine(e.Digit);
///         }
///         return Task.CompletedTask;
///     },
/// });
/// var result = await ua.DialAsync(SipUri.Parse("sip:1001@192.0.2.10"), SipBody.Sdp(offerSdp), null, ct);
/// if (result.IsAnswered) { await result.Call.HangupAsync(ct); }
/// </code>
/// </example>
public sealed class SipUserAgent : IAsyncDisposable
{
    private readonly UserAgentCore _core;
    private readonly ISipTransport? _udp;
    private readonly ISipTransport? _tcp;
    private readonly ISipTransport? _tls;
    private int _disposed;

    private SipUserAgent(UserAgentCore core, ISipTransport? udp, ISipTransport? tcp, ISipTransport? tls)
    {
        _core = core;
        _udp = udp;
        _tcp = tcp;
        _tls = tls;
    }

    /// <summary>The bound UDP address (with the real port when the options asked for port 0); null when UDP is off.</summary>
    public IPEndPoint? UdpEndPoint => _udp?.LocalEndPoint;

    /// <summary>The bound TCP address; null when TCP is off.</summary>
    public IPEndPoint? TcpEndPoint => _tcp?.LocalEndPoint;

    /// <summary>The bound TLS address; null when TLS is off.</summary>
    public IPEndPoint? TlsEndPoint => _tls?.LocalEndPoint;

    /// <summary>The registrar, when <see cref="SipUserAgentOptions.Registrar"/> was set.</summary>
    public SipRegistrar? Registrar => _core.Registrar;

    /// <summary>Established calls now.</summary>
    public int ActiveCalls => _core.ActiveCalls;

    /// <summary>Binds the transports and starts serving.</summary>
    /// <param name="options">The configuration; it must not change afterwards.</param>
    /// <exception cref="ArgumentException">The options are invalid (every problem is listed).</exception>
    /// <exception cref="System.Net.Sockets.SocketException">An address could not be bound.</exception>
    public static SipUserAgent Start(SipUserAgentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);
        var time = options.TimeProvider;
        var transportOptions = options.Transport;
        var diagnostics = new TransportDiagnostics(transportOptions.Diagnostics);
        var transactions = new TransactionLayer(time, SipTimers.Default, diagnostics);
        var registrar = options.Registrar is null ? null : new SipRegistrar(options.Registrar, time);
        var core = new UserAgentCore(options, transactions, registrar);
        var pipeline = new InboundPipeline(transactions, diagnostics, transportOptions.MaxMessageSize);
        var limiter = new SourceRateLimiter(time, transportOptions.MaxMessagesPerSecondPerSource);
        UdpSipTransport? udp = null;
        TcpSipTransport? tcp = null;
        TcpSipTransport? tls = null;
        try
        {
            if (transportOptions.UdpEndPoint is { } udpEndPoint)
            {
                udp = new UdpSipTransport(udpEndPoint, transportOptions, pipeline, limiter, diagnostics);
            }

            if (transportOptions.TcpEndPoint is { } tcpEndPoint)
            {
                tcp = new TcpSipTransport(tcpEndPoint, transportOptions, pipeline, limiter, diagnostics, time);
            }

            if (transportOptions.TlsEndPoint is { } tlsEndPoint)
            {
                tls = new TcpSipTransport(tlsEndPoint, transportOptions, pipeline, limiter, diagnostics, time, transportOptions.TlsCertificate);
            }
        }
        catch
        {
            udp?.DisposeAsync().AsTask().GetAwaiter().GetResult();
            tcp?.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw;
        }

        core.AttachTransports(udp, tcp, tls);
        udp?.Start();
        tcp?.Start();
        tls?.Start();
        return new SipUserAgent(core, udp, tcp, tls);
    }

    /// <summary>
    /// Places a call: INVITE with <paramref name="offer"/>, waits for the final response, ACKs a 2xx. Cancelling
    /// <paramref name="cancellationToken"/> before the answer sends CANCEL (after the first provisional response,
    /// RFC 3261 section 9.1) and the result is then normally 487.
    /// </summary>
    /// <param name="target">Whom to call; <c>;transport=tcp</c> selects TCP.</param>
    /// <param name="offer">Our SDP offer; null for an offerless INVITE.</param>
    /// <param name="options">From, extra headers, progress callback; null for defaults.</param>
    /// <param name="cancellationToken">Cancels the call attempt.</param>
    /// <exception cref="OperationCanceledException">The callee answered just as the call was cancelled; the stack hangs up that call.</exception>
    public Task<SipDialResult> DialAsync(SipUri target, SipBody? offer, SipDialOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        return _core.DialAsync(target, offer, options, cancellationToken);
    }

    /// <summary>Sends OPTIONS (a keep-alive or capability query) and returns the final response (408 when there is none).</summary>
    /// <param name="target">The peer.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public Task<SipResponse> SendOptionsAsync(SipUri target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        return _core.SendOptionsAsync(target, cancellationToken);
    }

    /// <summary>
    /// Registers this agent with an upstream registrar — a PBX or SIP trunk that should send calls for
    /// <paramref name="user"/> here (RFC 3261 section 10.2): REGISTER with our Contact and <c>Expires</c>, answering
    /// one digest challenge with <paramref name="credentials"/>. Refreshes reuse the Call-ID; call again before the
    /// granted expiry (the 200's Contact <c>expires</c>) to stay registered, or with <see cref="TimeSpan.Zero"/> to unregister.
    /// </summary>
    /// <param name="registrar">The registrar, e.g. <c>sip:pbx.example</c>; <c>;transport=tcp</c> or <c>sips:</c> select the transport.</param>
    /// <param name="user">The user part of the address-of-record (<c>sip:user@registrar-host</c>) and of our Contact.</param>
    /// <param name="credentials">User name and password for a 401/407 challenge; null to send none.</param>
    /// <param name="expires">The registration length asked for; default 1 hour.</param>
    /// <param name="cancellationToken">Stops waiting (the transaction goes on).</param>
    /// <returns>The final response: 200 lists the bindings with their granted expiry; 401/403 when refused; 408 without an answer.</returns>
    public Task<SipResponse> RegisterAsync(SipUri registrar, string user, NetworkCredential? credentials = null, TimeSpan? expires = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registrar);
        ArgumentException.ThrowIfNullOrWhiteSpace(user);
        var length = expires ?? TimeSpan.FromHours(1);
        ArgumentOutOfRangeException.ThrowIfLessThan(length, TimeSpan.Zero, nameof(expires));
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        return _core.RegisterAsync(registrar, user, credentials, length, cancellationToken);
    }

    /// <summary>Hangs up every call (waiting up to 2 s for each BYE's answer) and closes the transports.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _core.ShutdownAsync().ConfigureAwait(false);
        if (_udp is not null)
        {
            await _udp.DisposeAsync().ConfigureAwait(false);
        }

        if (_tcp is not null)
        {
            await _tcp.DisposeAsync().ConfigureAwait(false);
        }

        if (_tls is not null)
        {
            await _tls.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static void Validate(SipUserAgentOptions options)
    {
        var problems = new List<string>();
        var transport = options.Transport;
        if (transport is null)
        {
            throw new ArgumentException(ConfigurationText.Format(nameof(SipUserAgentOptions), null, nameof(SipUserAgentOptions.Transport), "is null", "transport options"), nameof(options));
        }

        // Transport problems are items of the user agent's options: SipUserAgentOptions:Transport:MaxMessageSize.
        static string Transport(string option, string problem, string allowed) =>
            ConfigurationText.Format(nameof(SipUserAgentOptions), nameof(SipUserAgentOptions.Transport), option, problem, allowed);

        if (transport.UdpEndPoint is null && transport.TcpEndPoint is null && transport.TlsEndPoint is null)
        {
            problems.Add(Transport($"{nameof(SipTransportOptions.UdpEndPoint)}, {nameof(SipTransportOptions.TcpEndPoint)}, {nameof(SipTransportOptions.TlsEndPoint)}", "none is set", "at least one end point to listen on"));
        }

        if (transport.TlsEndPoint is not null && transport.TlsCertificate is not { HasPrivateKey: true })
        {
            problems.Add(Transport(nameof(SipTransportOptions.TlsCertificate), $"is missing or has no private key while {nameof(SipTransportOptions.TlsEndPoint)} is set", "a certificate with its private key"));
        }

        if (transport.MaxMessageSize is < 1024 or > 1024 * 1024)
        {
            problems.Add(Transport(nameof(SipTransportOptions.MaxMessageSize), string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{transport.MaxMessageSize} is out of range"), "1,024 to 1,048,576 bytes"));
        }

        if (transport.MaxMessagesPerSecondPerSource < 0)
        {
            problems.Add(Transport(nameof(SipTransportOptions.MaxMessagesPerSecondPerSource), string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{transport.MaxMessagesPerSecondPerSource} is negative"), "0 (unlimited) or more"));
        }

        if (transport.MaxTcpConnections < 1)
        {
            problems.Add(Transport(nameof(SipTransportOptions.MaxTcpConnections), string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{transport.MaxTcpConnections} is less than 1"), "1 or more"));
        }

        if (transport.TcpIdleTimeout < TimeSpan.FromSeconds(1))
        {
            problems.Add(Transport(nameof(SipTransportOptions.TcpIdleTimeout), $"{transport.TcpIdleTimeout} is too short", "1 second or more"));
        }

        if (transport.TcpMessageTimeout < TimeSpan.FromSeconds(1) || transport.TcpMessageTimeout > transport.TcpIdleTimeout)
        {
            problems.Add(Transport(nameof(SipTransportOptions.TcpMessageTimeout), $"{transport.TcpMessageTimeout} is out of range", $"1 second to {nameof(SipTransportOptions.TcpIdleTimeout)} ({transport.TcpIdleTimeout})"));
        }

        if (options.TimeProvider is null)
        {
            problems.Add(ConfigurationText.Format(nameof(SipUserAgentOptions), null, nameof(SipUserAgentOptions.TimeProvider), "is null", "a clock (TimeProvider.System in production)"));
        }

        if (string.IsNullOrWhiteSpace(options.DefaultUser))
        {
            problems.Add(ConfigurationText.Format(nameof(SipUserAgentOptions), null, nameof(SipUserAgentOptions.DefaultUser), "is blank", "a SIP user name for the Contact header"));
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(Environment.NewLine, problems), nameof(options));
        }
    }
}
