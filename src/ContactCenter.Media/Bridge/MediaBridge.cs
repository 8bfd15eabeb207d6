using ContactCenter.Media.Codecs;
using ContactCenter.Media.Jitter;
using ContactCenter.Media.Playback;
using ContactCenter.Media.Rtp;
using ContactCenter.Media.Wav;

namespace ContactCenter.Media.Bridge;

/// <summary>
/// Relays audio between two call legs: each leg's <see cref="RtpSession.Source"/> becomes the other leg's
/// received audio (jitter buffer → decode → encode in the leg's own codec, so PCMU and PCMA legs bridge), and
/// optionally records both directions into one stereo WAV (left: what leg A said, right: what leg B said).
/// </summary>
/// <remarks>
/// The relay runs inside each session's clock tick, so it is paced by the shared <see cref="MediaClock"/> like
/// everything else and allocates nothing per frame. A frame that is lost or not yet buffered is replaced by the
/// sending leg's comfort noise (and silence in the recording). The recording's two halves of one tick are
/// written together; a half whose leg did not tick (unregistered) is written as silence. The bridge does not own
/// the sessions or the writer; <see cref="Dispose"/> restores the legs' previous sources and flushes the file.
/// </remarks>
public sealed class MediaBridge : IDisposable
{
    private readonly Lock _lock = new();
    private readonly RtpSession _a;
    private readonly RtpSession _b;
    private readonly IAudioSource? _previousA;
    private readonly IAudioSource? _previousB;
    private readonly Direction _toA;
    private readonly Direction _toB;
    private readonly WavWriter? _recording;
    private readonly short[] _stereo = new short[G711.SamplesPerFrame * 2];
    private long _recordTick = -1;
    private int _halves;
    private bool _disposed;

    /// <summary>Bridges <paramref name="a"/> and <paramref name="b"/> from the next tick on.</summary>
    /// <param name="a">One leg.</param>
    /// <param name="b">The other leg.</param>
    /// <param name="recording">A 2-channel writer to record both directions into, or <see langword="null"/>.</param>
    public MediaBridge(RtpSession a, RtpSession b, WavWriter? recording = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (ReferenceEquals(a, b))
        {
            throw new ArgumentException("A leg cannot be bridged to itself.", nameof(b));
        }

        _a = a;
        _b = b;
        _recording = recording;
        _toA = new Direction(this, from: b, channel: 1);
        _toB = new Direction(this, from: a, channel: 0);
        _previousA = a.Source;
        _previousB = b.Source;
        a.Source = _toA;
        b.Source = _toB;
    }

    /// <summary>Frames relayed from A to B and from B to A.</summary>
    public long FramesRelayed => Interlocked.Read(ref _toA.Frames) + Interlocked.Read(ref _toB.Frames);

    /// <summary>Unbridges: restores the legs' previous sources and writes any half-finished recorded frame.</summary>
    public void Dispose()
    {
        if (ReferenceEquals(_a.Source, _toA))
        {
            _a.Source = _previousA;
        }

        if (ReferenceEquals(_b.Source, _toB))
        {
            _b.Source = _previousB;
        }

        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            if (_recording is not null && _halves != 0)
            {
                WriteRecordedFrameLocked();
            }

            _recording?.Flush();
        }
    }

    private void Record(long tick, int channel, ReadOnlySpan<short> frame)
    {
        if (_recording is null)
        {
            return;
        }

        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            if (tick != _recordTick)
            {
                if (_halves != 0)
                {
                    WriteRecordedFrameLocked();
                }

                _recordTick = tick;
            }

            for (var i = 0; i < frame.Length; i++)
            {
                _stereo[(i * 2) + channel] = frame[i];
            }

            _halves |= 1 << channel;
            if (_halves == 3)
            {
                WriteRecordedFrameLocked();
            }
        }
    }

    private void WriteRecordedFrameLocked()
    {
        // A missing half is silence.
        for (var channel = 0; channel < 2; channel++)
        {
            if ((_halves & (1 << channel)) == 0)
            {
                for (var i = channel; i < _stereo.Length; i += 2)
                {
                    _stereo[i] = 0;
                }
            }
        }

        _recording!.Write(_stereo);
        _halves = 0;
    }

    private sealed class Direction(MediaBridge bridge, RtpSession from, int channel) : IAudioSource
    {
        public long Frames;

        public bool ReadFrame(long tick, Span<short> frame)
        {
            var result = from.ReadFrame(frame);
            bridge.Record(tick, channel, frame);
            if (result != JitterReadResult.Frame)
            {
                return false;
            }

            Interlocked.Increment(ref Frames);
            return true;
        }
    }
}
