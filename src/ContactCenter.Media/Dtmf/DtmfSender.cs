using ContactCenter.Media.Rtp;

namespace ContactCenter.Media.Dtmf;

/// <summary>
/// Generates the RFC 4733 telephone-event packets for queued digits, one packet per 20 ms tick, as the owning
/// <see cref="RtpSession"/> asks for them. While a digit is being sent the session sends no audio.
/// </summary>
/// <remarks>
/// Per event (§2.5.1): the first packet has the marker bit; every packet carries the event's start timestamp and
/// the duration so far; the end packet (E bit) is sent three times (§2.5.1.4). An event longer than the 16-bit
/// duration field (8.19 s at 8 kHz) is split into segments (§2.5.1.3): a segment ends with duration 0xFFFF (sent
/// three times, interleaved with the next segment's updates) and the next segment starts at timestamp + 0xFFFF
/// without the marker. Between digits the sender keeps a gap of <see cref="DtmfSenderOptions.InterDigitGap"/>.
/// </remarks>
internal sealed class DtmfSender
{
    private readonly Lock _lock = new();
    private readonly Queue<(byte Event, int DurationUnits)> _queue = new();
    private readonly int _unitsPerTick;
    private readonly int _gapTicks;
    private readonly byte _volume;
    private bool _active;
    private byte _event;
    private int _totalUnits;
    private int _elapsedUnits;
    private uint _startTimestamp;
    private int _segmentOffset;
    private int _endRepeatsLeft;
    private int _segmentEndRepeatsLeft;
    private uint _previousSegmentTimestamp;
    private bool _first;
    private int _gapLeft;

    public DtmfSender(DtmfSenderOptions options, int unitsPerTick)
    {
        _unitsPerTick = unitsPerTick;
        _gapTicks = (int)Math.Ceiling(options.InterDigitGap.TotalMilliseconds / 20);
        _volume = options.Volume;
    }

    public bool IsSending
    {
        get
        {
            lock (_lock)
            {
                return _active || _gapLeft > 0 || _queue.Count > 0;
            }
        }
    }

    public void Enqueue(byte code, int durationUnits)
    {
        lock (_lock)
        {
            _queue.Enqueue((code, durationUnits));
        }
    }

    /// <summary>
    /// Called once per tick with the session's current RTP timestamp. Writes up to two packets (a segment's
    /// repeated end plus the current update) through <paramref name="send"/>; returns whether the tick was taken
    /// by telephone events (no audio this tick).
    /// </summary>
    public bool OnTick<TSend>(uint nowTimestamp, ref TSend send)
        where TSend : struct, ITelephoneEventSink
    {
        lock (_lock)
        {
            if (!_active)
            {
                if (_gapLeft > 0)
                {
                    _gapLeft--;
                    return false;
                }

                if (!_queue.TryDequeue(out var next))
                {
                    return false;
                }

                _active = true;
                _first = true;
                _event = next.Event;
                _totalUnits = Math.Max(next.DurationUnits, _unitsPerTick);
                _elapsedUnits = 0;
                _startTimestamp = nowTimestamp;
                _segmentOffset = 0;
                _endRepeatsLeft = 3;
                _segmentEndRepeatsLeft = 0;
            }

            if (_segmentEndRepeatsLeft > 0)
            {
                _segmentEndRepeatsLeft--;
                send.Send(new RtpHeader { Timestamp = _previousSegmentTimestamp }, new TelephoneEvent(_event, false, _volume, 0xFFFF));
            }

            if (_elapsedUnits < _totalUnits)
            {
                _elapsedUnits = Math.Min(_elapsedUnits + _unitsPerTick, _totalUnits);
                if (_elapsedUnits - _segmentOffset >= 0xFFFF && _elapsedUnits < _totalUnits)
                {
                    // This segment is full: report it at 0xFFFF and start the next one at timestamp + 0xFFFF.
                    var segmentTimestamp = unchecked(_startTimestamp + (uint)_segmentOffset);
                    send.Send(new RtpHeader { Timestamp = segmentTimestamp, Marker = _first }, new TelephoneEvent(_event, false, _volume, 0xFFFF));
                    _first = false;
                    _previousSegmentTimestamp = segmentTimestamp;
                    _segmentEndRepeatsLeft = 2;
                    _segmentOffset += 0xFFFF;
                    return true;
                }
            }

            var end = _elapsedUnits >= _totalUnits;
            var timestamp = unchecked(_startTimestamp + (uint)_segmentOffset);
            var duration = (ushort)Math.Min(_elapsedUnits - _segmentOffset, 0xFFFF);
            send.Send(new RtpHeader { Timestamp = timestamp, Marker = _first }, new TelephoneEvent(_event, end, _volume, duration));
            _first = false;
            if (end && --_endRepeatsLeft == 0)
            {
                _active = false;
                _gapLeft = _gapTicks;
            }

            return true;
        }
    }
}

/// <summary>Where <see cref="DtmfSender"/> writes packets (a struct so the call is direct and allocation-free).</summary>
internal interface ITelephoneEventSink
{
    /// <summary>Sends one telephone-event packet; only timestamp and marker of <paramref name="header"/> are set.</summary>
    void Send(RtpHeader header, TelephoneEvent value);
}
