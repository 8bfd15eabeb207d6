using ContactCenter.Media.Rtp;

namespace ContactCenter.Media.Jitter;

/// <summary>
/// A small adaptive jitter buffer for fixed 20 ms frames, keyed by RTP sequence number with wrap-aware comparison.
/// The receive path inserts packets in any order; the media clock reads one frame per tick. Playout starts once
/// <see cref="TargetDepth"/> frames are held; a gap with later frames present is reported as
/// <see cref="JitterReadResult.Lost"/>, an empty buffer as an underrun (back to buffering).
/// </summary>
/// <remarks>
/// Adaptation: a late packet (its slot already played) deepens the target by one frame up to the maximum; after
/// <see cref="JitterBufferOptions.StableFramesBeforeShrink"/> frames without a late packet the target shrinks by
/// one, and frames held beyond target + 2 are dropped (oldest first, one per read) so the delay follows the target down.
/// Storage is one preallocated array: insert and read copy bytes and allocate nothing. A lock makes insert
/// (receive thread) and read (clock thread) safe together; it is uncontended but for the rare overlap.
/// </remarks>
public sealed class JitterBuffer
{
    private readonly Lock _lock = new();
    private readonly JitterBufferOptions _options;
    private readonly byte[] _storage;
    private readonly int[] _lengths;
    private readonly ushort[] _sequences;
    private readonly uint[] _timestamps;
    private readonly bool[] _filled;
    private readonly int _mask;
    private bool _haveNext;
    private bool _playing;
    private ushort _next;
    private ushort _newest;
    private int _count;
    private int _targetDepth;
    private int _stableFrames;
    private long _played;
    private long _lost;
    private long _late;
    private long _duplicates;
    private long _dropped;
    private long _underruns;

    /// <summary>Creates a buffer.</summary>
    /// <param name="options">Depths and slot size; defaults when <see langword="null"/>.</param>
    public JitterBuffer(JitterBufferOptions? options = null)
    {
        _options = options ?? new JitterBufferOptions();
        _options.Validate();
        var capacity = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, (_options.MaxDepth * 2) + 4));
        _mask = capacity - 1;
        _storage = new byte[capacity * _options.MaxPayloadSize];
        _lengths = new int[capacity];
        _sequences = new ushort[capacity];
        _timestamps = new uint[capacity];
        _filled = new bool[capacity];
        _targetDepth = _options.InitialDepth;
    }

    /// <summary>The depth playout waits for, in frames.</summary>
    public int TargetDepth
    {
        get
        {
            lock (_lock)
            {
                return _targetDepth;
            }
        }
    }

    /// <summary>A snapshot of the counters.</summary>
    public JitterBufferStatistics Statistics
    {
        get
        {
            lock (_lock)
            {
                return new JitterBufferStatistics(_played, _lost, _late, _duplicates, _dropped, _underruns, _targetDepth, _count);
            }
        }
    }

    /// <summary>Offers a received packet's payload.</summary>
    /// <param name="sequence">RTP sequence number.</param>
    /// <param name="timestamp">RTP timestamp.</param>
    /// <param name="payload">The payload; copied.</param>
    /// <returns>What happened to it.</returns>
    public JitterInsertResult Insert(ushort sequence, uint timestamp, ReadOnlySpan<byte> payload)
    {
        if (payload.Length > _options.MaxPayloadSize)
        {
            return JitterInsertResult.TooLarge;
        }

        lock (_lock)
        {
            var result = JitterInsertResult.Accepted;
            if (!_haveNext)
            {
                _haveNext = true;
                _next = sequence;
                _newest = sequence;
            }
            else
            {
                var ahead = RtpSequence.Distance(_next, sequence);
                if (ahead < 0)
                {
                    if (_playing || ahead < -_mask)
                    {
                        if (!_playing)
                        {
                            // Still buffering and far behind: treat as a restart rather than as late.
                            ResetLocked(sequence);
                            result = JitterInsertResult.Restarted;
                        }
                        else
                        {
                            _late++;
                            OnLateLocked();
                            return JitterInsertResult.Late;
                        }
                    }
                    else
                    {
                        // Reordered before playout started: it becomes the first frame to play.
                        _next = sequence;
                        if (RtpSequence.Distance(_newest, sequence) > 0)
                        {
                            _newest = sequence;
                        }
                    }
                }
                else if (ahead > _mask)
                {
                    ResetLocked(sequence);
                    result = JitterInsertResult.Restarted;
                }
                else if (RtpSequence.Distance(_newest, sequence) > 0)
                {
                    _newest = sequence;
                }
            }

            var slot = sequence & _mask;
            if (_filled[slot] && _sequences[slot] == sequence)
            {
                _duplicates++;
                return JitterInsertResult.Duplicate;
            }

            if (!_filled[slot])
            {
                _count++;
            }

            _filled[slot] = true;
            _sequences[slot] = sequence;
            _timestamps[slot] = timestamp;
            _lengths[slot] = payload.Length;
            payload.CopyTo(_storage.AsSpan(slot * _options.MaxPayloadSize, _options.MaxPayloadSize));
            return result;
        }
    }

    /// <summary>Takes the frame for the next 20 ms playout slot.</summary>
    /// <param name="destination">Receives the payload; at least <see cref="JitterBufferOptions.MaxPayloadSize"/> bytes.</param>
    /// <param name="length">Payload length when the result is <see cref="JitterReadResult.Frame"/>, else 0.</param>
    /// <returns>Frame, lost or buffering.</returns>
    public JitterReadResult Read(Span<byte> destination, out int length)
    {
        length = 0;
        lock (_lock)
        {
            if (!_playing)
            {
                if (_count == 0 || HeldSpanLocked() < _targetDepth)
                {
                    return JitterReadResult.Buffering;
                }

                _playing = true;
            }

            if (_count == 0)
            {
                // Underrun: nothing newer is held, so this is either loss or a pause; wait for the target again.
                _playing = false;
                _underruns++;
                return JitterReadResult.Buffering;
            }

            // The network calmed down (or a burst arrived): drop the oldest frame so the delay follows the target,
            // with 2 frames of slack and one frame per read so the catch-up is gradual.
            if (HeldSpanLocked() > _targetDepth + 2 && _count > 1)
            {
                var oldSlot = _next & _mask;
                if (_filled[oldSlot] && _sequences[oldSlot] == _next)
                {
                    _filled[oldSlot] = false;
                    _count--;
                    _dropped++;
                }
                else
                {
                    _lost++;
                }

                _next++;
            }

            var slot = _next & _mask;
            _next++;
            _stableFrames++;
            if (_stableFrames >= _options.StableFramesBeforeShrink && _targetDepth > _options.MinDepth)
            {
                _targetDepth--;
                _stableFrames = 0;
            }

            if (_filled[slot] && _sequences[slot] == (ushort)(_next - 1))
            {
                _filled[slot] = false;
                _count--;
                length = _lengths[slot];
                _storage.AsSpan(slot * _options.MaxPayloadSize, length).CopyTo(destination);
                _played++;
                return JitterReadResult.Frame;
            }

            _lost++;
            return JitterReadResult.Lost;
        }
    }

    /// <summary>Empties the buffer (new source or re-INVITE); counters are kept.</summary>
    public void Reset()
    {
        lock (_lock)
        {
            Array.Clear(_filled);
            _count = 0;
            _haveNext = false;
            _playing = false;
        }
    }

    private int HeldSpanLocked() => RtpSequence.Distance(_next, _newest) + 1;

    private void OnLateLocked()
    {
        _stableFrames = 0;
        if (_targetDepth < _options.MaxDepth)
        {
            _targetDepth++;
        }
    }

    private void ResetLocked(ushort sequence)
    {
        Array.Clear(_filled);
        _count = 0;
        _playing = false;
        _haveNext = true;
        _next = sequence;
        _newest = sequence;
    }
}
