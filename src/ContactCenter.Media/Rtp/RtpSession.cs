using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using ContactCenter.Media.Codecs;
using ContactCenter.Media.Dtmf;
using ContactCenter.Media.Jitter;
using ContactCenter.Media.Playback;

namespace ContactCenter.Media.Rtp;

/// <summary>
/// One call leg's RTP/RTCP endpoint: a UDP socket pair (RTP on an even port, RTCP on the next), its own random
/// SSRC, sequence number and timestamp (RFC 3550 §5.1), a jitter buffer for the received audio, RFC 4733
/// telephone events both ways, and RTCP SR/RR every <see cref="RtpSessionOptions.RtcpInterval"/>.
/// </summary>
/// <remarks>
/// <para>Sending is paced by the shared <see cref="MediaClock"/>: register the session (<see cref="MediaClock.Register"/>)
/// and on every 20 ms tick it sends exactly one frame — a pending telephone event, else the
/// <see cref="Source"/>'s audio, else comfort noise or silence — and advances its timestamp by 160.</para>
/// <para>Receiving runs one receive loop per socket on <see cref="Socket.ReceiveFromAsync(Memory{byte}, SocketFlags, SocketAddress, CancellationToken)"/>
/// with a pinned buffer and a reused <see cref="SocketAddress"/>; sending writes into a reused buffer and calls
/// <see cref="Socket.SendTo(ReadOnlySpan{byte}, SocketFlags, SocketAddress)"/>. Neither allocates per packet.</para>
/// <para>The first SSRC heard becomes the remote source; a different SSRC later (the far end restarted its
/// stream) resets reception statistics and the jitter buffer.</para>
/// </remarks>
public sealed class RtpSession : IMediaTickTarget, IAsyncDisposable
{
    private const int ReceiveBufferSize = 2048;
    private const int SamplesPerTick = G711.SamplesPerFrame;

    private readonly RtpSessionOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly Socket _rtp;
    private readonly Socket _rtcp;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _receiveLock = new();
    private readonly RtpReceptionStatistics _reception = new();
    private readonly JitterBuffer _jitter;
    private readonly DtmfSender _dtmfSender;
    private readonly DtmfReceiver _dtmfReceiver;
    private readonly byte[] _sendBuffer = new byte[RtpHeader.FixedLength + 1500];
    private readonly byte[] _rtcpBuffer = new byte[RtcpPacket.MaxReportLength + 16];
    private readonly byte[] _readBuffer;
    private readonly short[] _frame = new short[SamplesPerTick];
    private readonly byte[] _cname;
    private readonly long _start;
    private readonly long _rtcpTicks;
    private readonly byte _eventPayloadType;
    private ComfortNoise _noise;
    private SocketAddress? _remoteRtp;
    private SocketAddress? _remoteRtcp;
    private Task[] _loops = [];
    private ushort _sequence;
    private uint _timestamp;
    private bool _sentAny;
    private long _packetsSent;
    private long _octetsSent;
    private long _packetsSentAtLastReport;
    private long _lastRtcpTick;
    private long _invalid;
    private long _rtcpSent;
    private long _rtcpReceived;
    private uint _lastSenderReport;
    private long _lastSenderReportArrival;
    private RtcpReportBlock? _remoteReport;
    private TimeSpan? _roundTrip;
    private IAudioSource? _source;
    private int _disposed;

    /// <summary>Opens the sockets; call <see cref="Start"/> to receive and register with a clock to send.</summary>
    /// <param name="options">Configuration; defaults when <see langword="null"/>.</param>
    /// <param name="timeProvider">Time for RTCP and jitter; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    public RtpSession(RtpSessionOptions? options = null, TimeProvider? timeProvider = null)
    {
        _options = options ?? new RtpSessionOptions();
        _options.Validate();
        _timeProvider = timeProvider ?? TimeProvider.System;
        _jitter = new JitterBuffer(_options.Jitter);
        _readBuffer = new byte[_options.Jitter.MaxPayloadSize];
        _eventPayloadType = _options.Dtmf.PayloadType;
        _dtmfSender = new DtmfSender(_options.Dtmf, SamplesPerTick);
        _dtmfReceiver = new DtmfReceiver(OnDigit);
        Ssrc = (uint)RandomNumberGenerator.GetInt32(int.MinValue, int.MaxValue);

        // RFC 3550 §5.1: initial sequence number and timestamp are random.
        _sequence = (ushort)RandomNumberGenerator.GetInt32(ushort.MaxValue + 1);
        _timestamp = (uint)RandomNumberGenerator.GetInt32(int.MinValue, int.MaxValue);
        _noise = new ComfortNoise(Ssrc);
        _cname = RtcpPacket.EncodeCanonicalName(_options.CanonicalName ?? Convert.ToHexString(RandomNumberGenerator.GetBytes(8)));
        _start = _timeProvider.GetTimestamp();
        _rtcpTicks = (long)(_options.RtcpInterval / MediaClock.FrameDuration);
        (_rtp, _rtcp) = Bind(_options);
        LocalRtpEndPoint = (IPEndPoint)_rtp.LocalEndPoint!;
        LocalRtcpEndPoint = (IPEndPoint)_rtcp.LocalEndPoint!;
    }

    /// <summary>Raised when a DTMF digit (RFC 4733 event) has been received, once per event.</summary>
    public event EventHandler<DtmfDigitEventArgs>? DigitReceived;

    /// <summary>Where RTP is received (the port to put in the SDP).</summary>
    public IPEndPoint LocalRtpEndPoint { get; }

    /// <summary>Where RTCP is received (RTP port + 1).</summary>
    public IPEndPoint LocalRtcpEndPoint { get; }

    /// <summary>Our synchronisation source identifier.</summary>
    public uint Ssrc { get; }

    /// <summary>The negotiated audio codec.</summary>
    public AudioCodec Codec => _options.Codec;

    /// <summary>The next sequence number to be sent.</summary>
    public ushort NextSequenceNumber => _sequence;

    /// <summary>The RTP timestamp of the next frame to be sent.</summary>
    public uint NextTimestamp => _timestamp;

    /// <summary>
    /// What to send each tick (a <see cref="PromptPlayer"/>, a <see cref="Bridge.MediaBridge"/> direction, …);
    /// <see langword="null"/> or a source with nothing to play sends comfort noise or silence.
    /// </summary>
    public IAudioSource? Source
    {
        get => Volatile.Read(ref _source);
        set => Volatile.Write(ref _source, value);
    }

    /// <summary>The receive-side jitter buffer.</summary>
    public JitterBuffer JitterBuffer => _jitter;

    /// <summary>Whether telephone events are queued or being sent.</summary>
    public bool IsSendingDigits => _dtmfSender.IsSending;

    /// <summary>A snapshot of the counters.</summary>
    public RtpSessionStatistics Statistics
    {
        get
        {
            lock (_receiveLock)
            {
                return new RtpSessionStatistics(
                    Interlocked.Read(ref _packetsSent),
                    Interlocked.Read(ref _octetsSent),
                    _reception.PacketsReceived,
                    _reception.CumulativeLost,
                    _reception.Jitter,
                    _invalid,
                    Interlocked.Read(ref _rtcpSent),
                    _rtcpReceived,
                    _remoteReport,
                    _roundTrip);
            }
        }
    }

    /// <summary>Sets (or changes, on re-INVITE) where RTP and RTCP are sent.</summary>
    /// <param name="rtp">The far end's RTP address from its SDP.</param>
    /// <param name="rtcp">Its RTCP address; RTP port + 1 when <see langword="null"/>.</param>
    public void SetRemote(IPEndPoint rtp, IPEndPoint? rtcp = null)
    {
        ArgumentNullException.ThrowIfNull(rtp);
        rtcp ??= new IPEndPoint(rtp.Address, rtp.Port + 1);
        Volatile.Write(ref _remoteRtcp, rtcp.Serialize());
        Volatile.Write(ref _remoteRtp, rtp.Serialize());
    }

    /// <summary>Starts the receive loops.</summary>
    public void Start()
    {
        if (_loops.Length != 0)
        {
            throw new InvalidOperationException("The RTP session is already started.");
        }

        _loops = [Task.Run(ReceiveRtpAsync), Task.Run(ReceiveRtcpAsync)];
    }

    /// <summary>Queues digits to send as RFC 4733 events, one after the other.</summary>
    /// <param name="digits">0–9, *, #, A–D.</param>
    /// <param name="duration">Key-down time per digit; <see cref="DtmfSenderOptions.DefaultDuration"/> when <see langword="null"/>.</param>
    public void SendDigits(string digits, TimeSpan? duration = null)
    {
        ArgumentNullException.ThrowIfNull(digits);
        if (digits.Length > 256)
        {
            throw new ArgumentException("At most 256 digits at a time.", nameof(digits));
        }

        var units = (int)Math.Min((duration ?? _options.Dtmf.DefaultDuration).Ticks * 8000 / TimeSpan.TicksPerSecond, int.MaxValue);
        Span<byte> codes = stackalloc byte[digits.Length];
        for (var i = 0; i < digits.Length; i++)
        {
            if (!TelephoneEvent.TryGetEventCode(digits[i], out codes[i]))
            {
                throw new ArgumentException($"'{digits[i]}' is not a DTMF digit (0-9, *, #, A-D).", nameof(digits));
            }
        }

        foreach (var code in codes)
        {
            _dtmfSender.Enqueue(code, units);
        }
    }

    /// <summary>
    /// Takes the next received 20 ms frame from the jitter buffer, decoded to linear PCM. On loss or while
    /// buffering the frame is silence.
    /// </summary>
    /// <param name="frame">160 samples to fill.</param>
    /// <returns>Whether a frame was received, lost or not yet due.</returns>
    public JitterReadResult ReadFrame(Span<short> frame)
    {
        var result = _jitter.Read(_readBuffer, out var length);
        if (result != JitterReadResult.Frame)
        {
            frame.Clear();
            return result;
        }

        // Frames of another length than 20 ms are cut or padded: the media plane runs at ptime 20.
        var n = Math.Min(length, frame.Length);
        G711.Decode(_options.Codec, _readBuffer.AsSpan(0, n), frame);
        frame[n..].Clear();
        return result;
    }

    /// <summary>Sends this tick's frame and, when due, the RTCP report. Called by the <see cref="MediaClock"/>.</summary>
    /// <param name="tick">The clock's tick number.</param>
    public void OnTick(long tick)
    {
        _dtmfReceiver.OnTick();
        var remote = Volatile.Read(ref _remoteRtp);
        if (remote is not null && Volatile.Read(ref _disposed) == 0)
        {
            var sink = new EventSink(this, remote);
            if (!_dtmfSender.OnTick(_timestamp, ref sink))
            {
                var frame = _frame.AsSpan();
                var source = Source;
                if (source is null || !source.ReadFrame(tick, frame))
                {
                    if (_options.ComfortNoise)
                    {
                        _noise.Fill(frame);
                    }
                    else
                    {
                        frame.Clear();
                    }
                }

                var payload = _sendBuffer.AsSpan(RtpHeader.FixedLength, SamplesPerTick);
                G711.Encode(_options.Codec, frame, payload);
                SendRtp(remote, (byte)_options.Codec, marker: !_sentAny, _timestamp, SamplesPerTick);
            }

            if (tick - _lastRtcpTick >= _rtcpTicks)
            {
                _lastRtcpTick = tick;
                SendReport(goodbye: false);
            }
        }

        // The sampling clock runs on whether or not anything is sent (RFC 3550 §5.1).
        _timestamp += SamplesPerTick;
    }

    /// <summary>
    /// Sends an RTCP BYE, stops the receive loops and closes the sockets. Unregister the session from its
    /// <see cref="MediaClock"/> first, so that no tick is sending while it closes.
    /// </summary>
    /// <returns>A task that completes when the loops have stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        if (Volatile.Read(ref _remoteRtcp) is not null)
        {
            SendReport(goodbye: true);
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        _rtp.Dispose();
        _rtcp.Dispose();
        try
        {
            await Task.WhenAll(_loops).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    /// <summary>Processes one received RTP datagram (the receive loop's body; tests and benchmarks call it directly).</summary>
    internal void OnRtpPacket(ReadOnlySpan<byte> packet)
    {
        if (!RtpHeader.TryRead(packet, out var header, out var offset, out var length))
        {
            Interlocked.Increment(ref _invalid);
            return;
        }

        var isEvent = header.PayloadType == _eventPayloadType;
        if (!isEvent && header.PayloadType != (byte)_options.Codec)
        {
            // Comfort noise (PT 13) and anything not negotiated is not played.
            Interlocked.Increment(ref _invalid);
            return;
        }

        lock (_receiveLock)
        {
            if (!_reception.HasSource || header.Ssrc != _reception.Ssrc)
            {
                _reception.Reset(header.Ssrc, header.SequenceNumber);
                _jitter.Reset();
            }

            if (!_reception.Update(header.SequenceNumber, header.Timestamp, ArrivalUnits(), measureJitter: !isEvent))
            {
                return;
            }
        }

        var payload = packet.Slice(offset, length);
        if (isEvent)
        {
            _dtmfReceiver.OnPacket(header, payload);
        }
        else
        {
            _jitter.Insert(header.SequenceNumber, header.Timestamp, payload);
        }
    }

    /// <summary>Processes one received RTCP datagram.</summary>
    internal void OnRtcpPacket(ReadOnlySpan<byte> packet)
    {
        if (!RtcpPacket.TryRead(packet, Ssrc, out _, out var senderInfo, out var block, out _))
        {
            Interlocked.Increment(ref _invalid);
            return;
        }

        var now = _timeProvider.GetTimestamp();
        lock (_receiveLock)
        {
            _rtcpReceived++;
            if (senderInfo is { } info)
            {
                _lastSenderReport = info.CompactNtp;
                _lastSenderReportArrival = now;
            }

            if (block is { } b)
            {
                _remoteReport = b;
                if (b.LastSenderReport != 0)
                {
                    // §6.4.1: RTT = A − LSR − DLSR, all in 1/65536 s.
                    var arrival = (uint)(RtcpSenderInfo.ToNtp(_timeProvider.GetUtcNow()) >> 16);
                    var rtt = unchecked((int)(arrival - b.LastSenderReport - b.DelaySinceLastSenderReport));
                    _roundTrip = rtt >= 0 ? TimeSpan.FromTicks(rtt * TimeSpan.TicksPerSecond / 65536) : TimeSpan.Zero;
                }
            }
        }
    }

    private static (Socket Rtp, Socket Rtcp) Bind(RtpSessionOptions options)
    {
        var local = options.LocalEndPoint;
        if (local.Port != 0)
        {
            return BindPair(local.Address, local.Port) ?? throw new SocketException((int)SocketError.AddressAlreadyInUse);
        }

        var evenPorts = (options.PortMax - options.PortMin) / 2;
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var port = ((options.PortMin + 1) & ~1) + (2 * RandomNumberGenerator.GetInt32(Math.Max(1, evenPorts)));
            if (BindPair(local.Address, port) is { } pair)
            {
                return pair;
            }
        }

        throw new SocketException((int)SocketError.AddressAlreadyInUse);
    }

    private static (Socket, Socket)? BindPair(IPAddress address, int port)
    {
        var rtp = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        var rtcp = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            rtp.Bind(new IPEndPoint(address, port));
            rtcp.Bind(new IPEndPoint(address, port + 1));
            return (rtp, rtcp);
        }
        catch (SocketException exception) when (exception.SocketErrorCode is SocketError.AddressAlreadyInUse or SocketError.AccessDenied)
        {
            rtp.Dispose();
            rtcp.Dispose();
            return null;
        }
        catch
        {
            rtp.Dispose();
            rtcp.Dispose();
            throw;
        }
    }

    private uint ArrivalUnits() => (uint)(_timeProvider.GetElapsedTime(_start).Ticks * 8000 / TimeSpan.TicksPerSecond);

    private void SendRtp(SocketAddress remote, byte payloadType, bool marker, uint timestamp, int payloadLength)
    {
        new RtpHeader(payloadType, _sequence, timestamp, Ssrc, marker).Write(_sendBuffer);
        _sequence++;
        _sentAny = true;
        Interlocked.Increment(ref _packetsSent);
        Interlocked.Add(ref _octetsSent, payloadLength);
        try
        {
            _rtp.SendTo(_sendBuffer.AsSpan(0, RtpHeader.FixedLength + payloadLength), SocketFlags.None, remote);
        }
        catch (SocketException)
        {
            // A UDP send fails only locally (ICMP unreachable from an earlier send, no route); the next tick retries.
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private void SendReport(bool goodbye)
    {
        var remote = Volatile.Read(ref _remoteRtcp);
        if (remote is null)
        {
            return;
        }

        RtcpSenderInfo? senderInfo = null;
        var sent = Interlocked.Read(ref _packetsSent);
        if (sent > _packetsSentAtLastReport)
        {
            // §6.4: an SR when we sent data since the last report, else an RR.
            senderInfo = new RtcpSenderInfo(RtcpSenderInfo.ToNtp(_timeProvider.GetUtcNow()), _timestamp, (uint)sent, (uint)Interlocked.Read(ref _octetsSent));
            _packetsSentAtLastReport = sent;
        }

        RtcpReportBlock? block = null;
        lock (_receiveLock)
        {
            if (_reception.HasSource)
            {
                _reception.TakeIntervalLoss(out var fraction, out var cumulative);
                uint delay = 0;
                if (_lastSenderReport != 0)
                {
                    delay = (uint)(_timeProvider.GetElapsedTime(_lastSenderReportArrival).Ticks * 65536 / TimeSpan.TicksPerSecond);
                }

                block = new RtcpReportBlock(_reception.Ssrc, fraction, cumulative, _reception.ExtendedHighestSequence, _reception.Jitter, _lastSenderReport, delay);
            }
        }

        var length = RtcpPacket.WriteReport(_rtcpBuffer, Ssrc, senderInfo, block, _cname);
        if (goodbye)
        {
            length += RtcpPacket.WriteGoodbye(_rtcpBuffer.AsSpan(length), Ssrc);
        }

        Interlocked.Increment(ref _rtcpSent);
        try
        {
            _rtcp.SendTo(_rtcpBuffer.AsSpan(0, length), SocketFlags.None, remote);
        }
        catch (SocketException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private void OnDigit(DtmfDigit digit) => DigitReceived?.Invoke(this, new DtmfDigitEventArgs(digit));

    private async Task ReceiveRtpAsync()
    {
        var buffer = GC.AllocateUninitializedArray<byte>(ReceiveBufferSize, pinned: true);
        var address = new SocketAddress(_rtp.AddressFamily);
        var token = _stop.Token;
        while (!token.IsCancellationRequested)
        {
            int received;
            try
            {
                received = await _rtp.ReceiveFromAsync(buffer, SocketFlags.None, address, token).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException)
            {
                // ICMP port unreachable from an earlier send, or a truncated datagram: keep receiving.
                continue;
            }

            OnRtpPacket(buffer.AsSpan(0, received));
        }
    }

    private async Task ReceiveRtcpAsync()
    {
        var buffer = GC.AllocateUninitializedArray<byte>(ReceiveBufferSize, pinned: true);
        var address = new SocketAddress(_rtcp.AddressFamily);
        var token = _stop.Token;
        while (!token.IsCancellationRequested)
        {
            int received;
            try
            {
                received = await _rtcp.ReceiveFromAsync(buffer, SocketFlags.None, address, token).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException)
            {
                continue;
            }

            OnRtcpPacket(buffer.AsSpan(0, received));
        }
    }

    private readonly struct EventSink(RtpSession session, SocketAddress remote) : ITelephoneEventSink
    {
        public void Send(RtpHeader header, TelephoneEvent value)
        {
            value.Write(session._sendBuffer.AsSpan(RtpHeader.FixedLength));
            session.SendRtp(remote, session._eventPayloadType, header.Marker, header.Timestamp, TelephoneEvent.Length);
        }
    }
}
