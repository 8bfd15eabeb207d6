using ContactCenter.Media.Rtp;

namespace ContactCenter.Media.Dtmf;

/// <summary>
/// Turns received RFC 4733 telephone-event packets into digits, each reported exactly once when it ends.
/// </summary>
/// <remarks>
/// One event is identified by its RTP timestamp (§2.5.2.1): updates for the same timestamp extend it; the end
/// packet (E bit) reports it; the two further copies of the end packet the sender transmits (§2.5.1.4) and any
/// packet older than the last reported event are ignored. A long event (§2.5.1.3) arrives as segments whose
/// duration tops out at 0xFFFF and whose next segment starts at timestamp + 0xFFFF without the marker: those are
/// joined into one digit. If every end packet is lost the digit is still reported — when the next event starts
/// or after <see cref="EndTimeoutTicks"/> clock ticks without an update. Thread-safe.
/// </remarks>
public sealed class DtmfReceiver
{
    /// <summary>Clock ticks (20 ms) without an update after which a started event is taken as ended: 50 (1 s).</summary>
    public const int EndTimeoutTicks = 50;

    private readonly Lock _lock = new();
    private readonly Action<DtmfDigit> _onDigit;
    private readonly int _clockRate;
    private bool _active;
    private bool _haveLast;
    private uint _timestamp;
    private uint _lastReported;
    private byte _event;
    private long _completedSegments;
    private ushort _duration;
    private int _idleTicks;

    /// <summary>Creates a receiver.</summary>
    /// <param name="onDigit">Called once per event, on the thread that delivered its last packet (or the clock thread on time-out).</param>
    /// <param name="clockRate">The telephone-event clock rate (8000).</param>
    public DtmfReceiver(Action<DtmfDigit> onDigit, int clockRate = 8000)
    {
        _onDigit = onDigit ?? throw new ArgumentNullException(nameof(onDigit));
        _clockRate = clockRate;
    }

    /// <summary>Packets ignored as duplicates or stale.</summary>
    public long IgnoredPackets { get; private set; }

    /// <summary>Processes one telephone-event packet.</summary>
    /// <param name="header">Its RTP header.</param>
    /// <param name="payload">Its payload.</param>
    public void OnPacket(in RtpHeader header, ReadOnlySpan<byte> payload)
    {
        if (!TelephoneEvent.TryRead(payload, out var value))
        {
            return;
        }

        DtmfDigit? previous = null;
        DtmfDigit? ended = null;
        lock (_lock)
        {
            _idleTicks = 0;
            if (_active && header.Timestamp == _timestamp)
            {
                Update(value);
            }
            else if (_active && !header.Marker && value.Event == _event && header.Timestamp == unchecked(_timestamp + 0xFFFF) && _duration == 0xFFFF)
            {
                // §2.5.1.3: the next segment of a long event.
                _completedSegments += 0xFFFF;
                _timestamp = header.Timestamp;
                _duration = 0;
                Update(value);
            }
            else if (_active && RtpSequence.TimestampDistance(_timestamp, header.Timestamp) < 0)
            {
                // A late copy of an earlier segment's last packet while the event goes on.
                IgnoredPackets++;
                return;
            }
            else if (_haveLast && RtpSequence.TimestampDistance(_lastReported, header.Timestamp) <= 0)
            {
                // A retransmitted end packet (§2.5.1.4) or a packet of an event already reported.
                IgnoredPackets++;
                return;
            }
            else
            {
                if (_active)
                {
                    previous = Finish(endSeen: false);
                }

                _active = true;
                _timestamp = header.Timestamp;
                _event = value.Event;
                _completedSegments = 0;
                _duration = 0;
                Update(value);
            }

            if (value.End && _active && _timestamp == header.Timestamp)
            {
                ended = Finish(endSeen: true);
            }
        }

        if (previous is { } p)
        {
            _onDigit(p);
        }

        if (ended is { } e)
        {
            _onDigit(e);
        }
    }

    /// <summary>Advances the end time-out by one clock tick; reports an event whose end never arrived.</summary>
    public void OnTick()
    {
        DtmfDigit? ended = null;
        lock (_lock)
        {
            if (_active && ++_idleTicks >= EndTimeoutTicks)
            {
                ended = Finish(endSeen: false);
            }
        }

        if (ended is { } e)
        {
            _onDigit(e);
        }
    }

    private void Update(TelephoneEvent value)
    {
        if (value.Duration > _duration)
        {
            _duration = value.Duration;
        }
    }

    private DtmfDigit Finish(bool endSeen)
    {
        _active = false;
        _haveLast = true;
        _lastReported = _timestamp;
        var units = _completedSegments + _duration;
        return new DtmfDigit(TelephoneEvent.ToDigit(_event), _event, TimeSpan.FromTicks(units * TimeSpan.TicksPerSecond / _clockRate), endSeen);
    }
}
