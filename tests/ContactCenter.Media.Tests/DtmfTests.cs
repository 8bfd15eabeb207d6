using ContactCenter.Media.Dtmf;
using ContactCenter.Media.Rtp;

namespace ContactCenter.Media.Tests;

public class DtmfTests
{
    private sealed class Collected
    {
        public List<(RtpHeader Header, TelephoneEvent Event)> Packets { get; } = [];
    }

    private struct CollectingSink(Collected collected) : ITelephoneEventSink
    {
        public readonly void Send(RtpHeader header, TelephoneEvent value) => collected.Packets.Add((header, value));
    }

    private static List<(RtpHeader Header, TelephoneEvent Event)> RunSender(TimeSpan duration, int ticks, uint startTimestamp = 1000)
    {
        var sender = new DtmfSender(new DtmfSenderOptions(), 160);
        sender.Enqueue(5, (int)(duration.Ticks * 8000 / TimeSpan.TicksPerSecond));
        var collected = new Collected();
        var sink = new CollectingSink(collected);
        var timestamp = startTimestamp;
        for (var i = 0; i < ticks; i++)
        {
            sender.OnTick(timestamp, ref sink);
            timestamp += 160;
        }

        return collected.Packets;
    }

    private static byte[] Payload(TelephoneEvent value)
    {
        var payload = new byte[4];
        value.Write(payload);
        return payload;
    }

    [Fact]
    public void OnTick_HundredMillisecondDigit_SendsUpdatesThenEndThreeTimes()
    {
        var packets = RunSender(TimeSpan.FromMilliseconds(100), 20);

        Assert.Equal(7, packets.Count);
        Assert.True(packets[0].Header.Marker);
        Assert.All(packets.Skip(1), p => Assert.False(p.Header.Marker));
        Assert.All(packets, p => Assert.Equal(1000u, p.Header.Timestamp));
        Assert.Equal(new ushort[] { 160, 320, 480, 640, 800, 800, 800 }, packets.Select(p => p.Event.Duration));
        Assert.Equal(new[] { false, false, false, false, true, true, true }, packets.Select(p => p.Event.End));
        Assert.All(packets, p => Assert.Equal(5, p.Event.Event));
    }

    [Fact]
    public void OnPacket_EndSentThreeTimes_ReportsDigitOnce()
    {
        var digits = new List<DtmfDigit>();
        var receiver = new DtmfReceiver(digits.Add);
        foreach (var (header, value) in RunSender(TimeSpan.FromMilliseconds(100), 20))
        {
            receiver.OnPacket(header, Payload(value));
        }

        var digit = Assert.Single(digits);
        Assert.Equal('5', digit.Digit);
        Assert.Equal(TimeSpan.FromMilliseconds(100), digit.Duration);
        Assert.True(digit.EndSeen);
        Assert.Equal(2, receiver.IgnoredPackets);
    }

    [Fact]
    public void OnPacket_DuplicatedAndReorderedUpdates_ReportsDigitOnce()
    {
        var digits = new List<DtmfDigit>();
        var receiver = new DtmfReceiver(digits.Add);
        var packets = RunSender(TimeSpan.FromMilliseconds(100), 20);
        int[] order = [0, 0, 2, 1, 3, 3, 4, 6, 5, 4, 1];
        foreach (var i in order)
        {
            receiver.OnPacket(packets[i].Header, Payload(packets[i].Event));
        }

        var digit = Assert.Single(digits);
        Assert.Equal(TimeSpan.FromMilliseconds(100), digit.Duration);
    }

    [Fact]
    public void OnPacket_AllEndPacketsLost_ReportsDigitWhenNextEventStarts()
    {
        var digits = new List<DtmfDigit>();
        var receiver = new DtmfReceiver(digits.Add);
        foreach (var (header, value) in RunSender(TimeSpan.FromMilliseconds(100), 20).Where(p => !p.Event.End))
        {
            receiver.OnPacket(header, Payload(value));
        }

        Assert.Empty(digits);
        receiver.OnPacket(new RtpHeader(101, 50, 5000, 1, marker: true), Payload(new TelephoneEvent(11, false, 10, 160)));
        var digit = Assert.Single(digits);
        Assert.Equal('5', digit.Digit);
        Assert.False(digit.EndSeen);
        Assert.Equal(TimeSpan.FromMilliseconds(80), digit.Duration);
    }

    [Fact]
    public void OnTick_EndNeverArrives_ReportsDigitAfterTimeout()
    {
        var digits = new List<DtmfDigit>();
        var receiver = new DtmfReceiver(digits.Add);
        receiver.OnPacket(new RtpHeader(101, 1, 800, 1, marker: true), Payload(new TelephoneEvent(10, false, 10, 160)));
        for (var i = 0; i < DtmfReceiver.EndTimeoutTicks - 1; i++)
        {
            receiver.OnTick();
        }

        Assert.Empty(digits);
        receiver.OnTick();
        Assert.Equal('*', Assert.Single(digits).Digit);
    }

    [Fact]
    public void OnTick_TenSecondDigit_SplitsIntoSegmentsOfAtMost0xFFFF()
    {
        var packets = RunSender(TimeSpan.FromSeconds(10), 600);

        // First segment starts at 1000 with the marker; the second at 1000 + 0xFFFF without it (RFC 4733 §2.5.1.3).
        var segments = packets.Select(p => p.Header.Timestamp).Distinct().ToList();
        Assert.Equal(new[] { 1000u, 1000u + 0xFFFF }, segments);
        Assert.Equal(1, packets.Count(p => p.Header.Marker));
        Assert.Equal(3, packets.Count(p => p.Header.Timestamp == 1000 && p.Event.Duration == 0xFFFF));
        Assert.All(packets.Where(p => p.Header.Timestamp == 1000), p => Assert.False(p.Event.End));
        var ends = packets.Where(p => p.Event.End).ToList();
        Assert.Equal(3, ends.Count);
        Assert.All(ends, p => Assert.Equal((ushort)(80000 - 0xFFFF), p.Event.Duration));
    }

    [Fact]
    public void OnPacket_TenSecondDigitInSegments_ReportsOneDigitWithFullDuration()
    {
        var digits = new List<DtmfDigit>();
        var receiver = new DtmfReceiver(digits.Add);
        foreach (var (header, value) in RunSender(TimeSpan.FromSeconds(10), 600))
        {
            receiver.OnPacket(header, Payload(value));
        }

        var digit = Assert.Single(digits);
        Assert.Equal('5', digit.Digit);
        Assert.Equal(TimeSpan.FromSeconds(10), digit.Duration);
        Assert.True(digit.EndSeen);
    }

    [Fact]
    public void OnPacket_LongDigitWhoseSegmentsCrossTimestampWrap_ReportsOneDigit()
    {
        var digits = new List<DtmfDigit>();
        var receiver = new DtmfReceiver(digits.Add);
        var packets = RunSender(TimeSpan.FromSeconds(10), 600, startTimestamp: uint.MaxValue - 1000);
        Assert.Contains(packets, p => p.Header.Timestamp == unchecked(uint.MaxValue - 1000 + 0xFFFF));
        foreach (var (header, value) in packets)
        {
            receiver.OnPacket(header, Payload(value));
        }

        Assert.Equal(TimeSpan.FromSeconds(10), Assert.Single(digits).Duration);
    }

    [Fact]
    public void OnTick_TwoDigitsQueued_SecondStartsAfterGapWithNewTimestamp()
    {
        var sender = new DtmfSender(new DtmfSenderOptions(), 160);
        sender.Enqueue(1, 800);
        sender.Enqueue(2, 800);
        var collected = new Collected();
        var sink = new CollectingSink(collected);
        var ticksWithEvents = new List<bool>();
        uint timestamp = 0;
        for (var i = 0; i < 20; i++)
        {
            ticksWithEvents.Add(sender.OnTick(timestamp, ref sink));
            timestamp += 160;
        }

        // 7 ticks of digit 1, a 60 ms gap (3 ticks of audio), 7 ticks of digit 2.
        Assert.Equal(Enumerable.Repeat(true, 7).Concat(Enumerable.Repeat(false, 3)).Concat(Enumerable.Repeat(true, 7)).Concat(Enumerable.Repeat(false, 3)), ticksWithEvents);
        Assert.Equal(new uint[] { 0, 10 * 160 }, collected.Packets.Select(p => p.Header.Timestamp).Distinct());
    }

    [Theory]
    [InlineData('0', 0)]
    [InlineData('9', 9)]
    [InlineData('*', 10)]
    [InlineData('#', 11)]
    [InlineData('A', 12)]
    [InlineData('d', 15)]
    public void TryGetEventCode_Digit_MapsPerRfc4733(char digit, int code)
    {
        Assert.True(TelephoneEvent.TryGetEventCode(digit, out var value));
        Assert.Equal(code, value);
        Assert.Equal(char.ToUpperInvariant(digit), TelephoneEvent.ToDigit(value));
    }
}
