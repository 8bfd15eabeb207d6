using System.Net;
using System.Net.Sockets;
using BenchmarkDotNet.Attributes;
using ContactCenter.Media.Bridge;
using ContactCenter.Media.Codecs;
using ContactCenter.Media.Jitter;
using ContactCenter.Media.Rtp;

namespace ContactCenter.Media.Benchmarks;

/// <summary>
/// CPU per 20 ms frame of the media plane. <see cref="RelayFrame"/> is one direction of a bridged call without
/// the kernel: a received PCMU packet is parsed, counted (RFC 3550 statistics) and buffered, read back at the
/// tick, decoded, encoded to PCMA and given an RTP header. <see cref="RelayFrameThroughBridgeWithUdpSend"/> is
/// the same through <see cref="MediaBridge"/> and a real <see cref="RtpSession"/> tick, including the UDP send
/// system call. MemoryDiagnoser shows bytes allocated per frame.
/// </summary>
[MemoryDiagnoser]
public class FrameBenchmarks
{
    private readonly short[] _pcm = new short[G711.SamplesPerFrame];
    private readonly byte[] _codes = new byte[G711.SamplesPerFrame];
    private readonly byte[] _packet = new byte[RtpHeader.FixedLength + G711.SamplesPerFrame];
    private readonly byte[] _out = new byte[RtpHeader.FixedLength + G711.SamplesPerFrame];
    private readonly byte[] _payload = new byte[320];
    private RtpSession _legA = null!;
    private RtpSession _legB = null!;
    private Socket _sink = null!;
    private MediaBridge _bridge = null!;
    private JitterBuffer _jitter = null!;
    private RtpReceptionStatistics _statistics = null!;
    private ushort _sequence;
    private uint _timestamp;
    private long _tick;

    [GlobalSetup]
    public void Setup()
    {
        for (var i = 0; i < _pcm.Length; i++)
        {
            _pcm[i] = (short)(Math.Sin(2 * Math.PI * 440 * i / 8000) * 10000);
        }

        G711.Encode(AudioCodec.Pcmu, _pcm, _codes);
        _codes.CopyTo(_packet, RtpHeader.FixedLength);
        _jitter = new JitterBuffer();
        _statistics = new RtpReceptionStatistics();
        _statistics.Reset(0x1234, 0);

        // Bridge: legA receives PCMU packets (fed directly, no socket), legB relays them as PCMA over UDP to a sink.
        var loopback = new IPEndPoint(IPAddress.Loopback, 0);
        _sink = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        _sink.Bind(loopback);
        _legA = new RtpSession(new RtpSessionOptions { LocalEndPoint = loopback, Codec = AudioCodec.Pcmu });
        _legB = new RtpSession(new RtpSessionOptions { LocalEndPoint = loopback, Codec = AudioCodec.Pcma });
        _legB.SetRemote((IPEndPoint)_sink.LocalEndPoint!);
        _bridge = new MediaBridge(_legA, _legB);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _bridge.Dispose();
        _legA.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _legB.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _sink.Dispose();
    }

    [Benchmark]
    public int EncodeMuLawFrame() => G711.Encode(AudioCodec.Pcmu, _pcm, _codes);

    [Benchmark]
    public int DecodeMuLawFrame() => G711.Decode(AudioCodec.Pcmu, _codes, _pcm);

    [Benchmark]
    public int EncodeALawFrame() => G711.Encode(AudioCodec.Pcma, _pcm, _codes);

    /// <summary>Receive → jitter buffer → decode PCMU → encode PCMA → RTP header: one relayed frame, no socket.</summary>
    [Benchmark(Baseline = true)]
    public int RelayFrame()
    {
        // The "received" packet: the far end's next sequence number and timestamp.
        new RtpHeader(0, _sequence, _timestamp, 0x1234).Write(_packet);
        RtpHeader.TryRead(_packet, out var header, out var offset, out var length);
        _statistics.Update(header.SequenceNumber, header.Timestamp, header.Timestamp + 100);
        _jitter.Insert(header.SequenceNumber, header.Timestamp, _packet.AsSpan(offset, length));

        // The clock tick on the other leg.
        var read = _jitter.Read(_payload, out var payloadLength);
        if (read == JitterReadResult.Frame)
        {
            G711.Decode(AudioCodec.Pcmu, _payload.AsSpan(0, payloadLength), _pcm);
        }

        G711.Encode(AudioCodec.Pcma, _pcm, _out.AsSpan(RtpHeader.FixedLength));
        var written = new RtpHeader(8, _sequence, _timestamp, 0x5678).Write(_out);
        _sequence++;
        _timestamp += 160;
        return written;
    }

    /// <summary>The same through RtpSession.OnRtpPacket, MediaBridge and RtpSession.OnTick, with the UDP send.</summary>
    [Benchmark]
    public void RelayFrameThroughBridgeWithUdpSend()
    {
        new RtpHeader(0, _sequence, _timestamp, 0x1234).Write(_packet);
        _legA.OnRtpPacket(_packet);
        _legB.OnTick(++_tick);
        _sequence++;
        _timestamp += 160;
    }
}
