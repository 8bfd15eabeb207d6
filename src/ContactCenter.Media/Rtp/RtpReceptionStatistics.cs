namespace ContactCenter.Media.Rtp;

/// <summary>
/// Reception statistics for one source as RFC 3550 Appendix A defines them: sequence validation and the extended
/// highest sequence number (A.1), cumulative and interval loss (A.3) and interarrival jitter (A.8). Not
/// thread-safe; the owning session serialises access.
/// </summary>
public sealed class RtpReceptionStatistics
{
    private const int MaxDropout = 3000;
    private const int MaxMisorder = 100;
    private const int SequenceModulo = 1 << 16;

    private ushort _maxSequence;
    private uint _cycles;
    private uint _baseSequence;
    private uint _badSequence = SequenceModulo + 1;
    private long _expectedPrior;
    private long _receivedPrior;
    private bool _haveTransit;
    private int _transit;
    private int _jitter; // scaled by 16 (A.8 integer form)

    /// <summary>Whether a packet has been received since the last reset.</summary>
    public bool HasSource { get; private set; }

    /// <summary>The SSRC the statistics are for.</summary>
    public uint Ssrc { get; private set; }

    /// <summary>Packets accepted (duplicates included, as RFC 3550 A.3 counts them).</summary>
    public long PacketsReceived { get; private set; }

    /// <summary>The extended highest sequence number received: cycles × 65536 + highest sequence.</summary>
    public uint ExtendedHighestSequence => _cycles + _maxSequence;

    /// <summary>Packets expected from the first to the highest sequence number received.</summary>
    public long PacketsExpected => HasSource ? (long)ExtendedHighestSequence - _baseSequence + 1 : 0;

    /// <summary>Cumulative packets lost (expected − received; negative when duplicates outnumber losses).</summary>
    public long CumulativeLost => PacketsExpected - PacketsReceived;

    /// <summary>Interarrival jitter in RTP timestamp units (RFC 3550 A.8).</summary>
    public uint Jitter => (uint)(_jitter >> 4);

    /// <summary>Starts over for a new source.</summary>
    /// <param name="ssrc">The new source.</param>
    /// <param name="sequence">Its first sequence number.</param>
    public void Reset(uint ssrc, ushort sequence)
    {
        Ssrc = ssrc;
        HasSource = true;
        InitSequence(sequence);
        PacketsReceived = 0;
        _expectedPrior = 0;
        _receivedPrior = 0;
        _haveTransit = false;
        _jitter = 0;
    }

    /// <summary>Updates the statistics for one received packet (RFC 3550 A.1 update_seq, A.8).</summary>
    /// <param name="sequence">The packet's sequence number.</param>
    /// <param name="rtpTimestamp">The packet's RTP timestamp.</param>
    /// <param name="arrival">Arrival time in RTP timestamp units on a local clock.</param>
    /// <param name="measureJitter">
    /// <see langword="false"/> for packets whose timestamp is not their sampling instant (telephone events carry
    /// the event's start time, RFC 4733 §2.5.1.1), so they do not distort the jitter estimate.
    /// </param>
    /// <returns><see langword="false"/> when the packet is out of the valid window (a jump the source has not confirmed).</returns>
    public bool Update(ushort sequence, uint rtpTimestamp, uint arrival, bool measureJitter = true)
    {
        var delta = (ushort)(sequence - _maxSequence);
        if (delta < MaxDropout)
        {
            if (sequence < _maxSequence)
            {
                _cycles += SequenceModulo; // wrapped
            }

            _maxSequence = sequence;
        }
        else if (delta <= SequenceModulo - MaxMisorder)
        {
            // A very large jump: accept it only if the next packet follows on (the source restarted).
            if (sequence == _badSequence)
            {
                InitSequence(sequence);
            }
            else
            {
                _badSequence = (uint)((sequence + 1) & (SequenceModulo - 1));
                return false;
            }
        }

        // else: duplicate or reordered packet within MaxMisorder; counted, no change to the highest.
        PacketsReceived++;

        if (!measureJitter)
        {
            return true;
        }

        // A.8: D(i-1,i) = (Rj - Ri) - (Sj - Si); J += (|D| - J) / 16, kept scaled by 16.
        var transit = (int)(arrival - rtpTimestamp);
        if (_haveTransit)
        {
            var d = Math.Abs(transit - _transit);
            _jitter += d - ((_jitter + 8) >> 4);
        }

        _transit = transit;
        _haveTransit = true;
        return true;
    }

    /// <summary>
    /// Fills in the loss fields of a report block and starts a new reporting interval (RFC 3550 A.3).
    /// </summary>
    /// <param name="fractionLost">Packets lost in the interval as a fraction of 256.</param>
    /// <param name="cumulativeLost">Cumulative lost, clamped to the 24-bit signed field.</param>
    public void TakeIntervalLoss(out byte fractionLost, out int cumulativeLost)
    {
        var expected = PacketsExpected;
        cumulativeLost = (int)Math.Clamp(expected - PacketsReceived, -0x800000, 0x7FFFFF);
        var expectedInterval = expected - _expectedPrior;
        var receivedInterval = PacketsReceived - _receivedPrior;
        _expectedPrior = expected;
        _receivedPrior = PacketsReceived;
        var lostInterval = expectedInterval - receivedInterval;
        fractionLost = expectedInterval == 0 || lostInterval <= 0 ? (byte)0 : (byte)Math.Min(255, (lostInterval << 8) / expectedInterval);
    }

    private void InitSequence(ushort sequence)
    {
        _baseSequence = sequence;
        _maxSequence = sequence;
        _badSequence = SequenceModulo + 1;
        _cycles = 0;
    }
}
