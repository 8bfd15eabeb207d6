using ContactCenter.Media.Rtp;

namespace ContactCenter.Media.Tests;

public class RtpTests
{
    [Fact]
    public void WriteThenTryRead_Header_RoundTrips()
    {
        var packet = new byte[12 + 160];
        var header = new RtpHeader(8, 65535, 0xFFFFFF60, 0xDEADBEEF, marker: true);
        header.Write(packet);

        Assert.True(RtpHeader.TryRead(packet, out var read, out var offset, out var length));
        Assert.Equal(header, read);
        Assert.Equal(12, offset);
        Assert.Equal(160, length);
    }

    [Fact]
    public void TryRead_CsrcExtensionAndPadding_LocatesPayload()
    {
        // V=2, P=1, X=1, CC=1; one CSRC; a one-word extension; 3 payload bytes; 2 bytes of padding.
        byte[] packet =
        [
            0xB1, 0x00, 0x00, 0x01, 0, 0, 0, 1, 0, 0, 0, 2,
            0, 0, 0, 9,
            0xBE, 0xDE, 0x00, 0x01, 1, 2, 3, 4,
            0xAA, 0xBB, 0xCC,
            0x00, 0x02,
        ];

        Assert.True(RtpHeader.TryRead(packet, out _, out var offset, out var length));
        Assert.Equal(24, offset);
        Assert.Equal(3, length);
    }

    [Theory]
    [InlineData(new byte[] { 0x40, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 })] // version 1
    [InlineData(new byte[] { 0x80, 0xC8, 0, 6, 0, 0, 0, 0, 0, 0, 0, 0 })] // RTCP SR (PT 72 with marker)
    [InlineData(new byte[] { 0x8F, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 })] // 15 CSRCs missing
    [InlineData(new byte[] { 0x80, 0 })] // truncated
    public void TryRead_MalformedPacket_Fails(byte[] packet) => Assert.False(RtpHeader.TryRead(packet, out _, out _, out _));

    [Theory]
    [InlineData(65535, 0, 1)]
    [InlineData(0, 65535, -1)]
    [InlineData(65500, 30, 66)]
    [InlineData(100, 100, 0)]
    public void Distance_AcrossWrap_IsSignedShortDistance(int from, int to, int expected)
    {
        Assert.Equal(expected, RtpSequence.Distance((ushort)from, (ushort)to));
        Assert.Equal(expected > 0, RtpSequence.IsNewer((ushort)to, (ushort)from));
    }

    [Fact]
    public void TimestampDistance_AcrossWrap_IsForward()
    {
        Assert.Equal(161, RtpSequence.TimestampDistance(uint.MaxValue - 80, 80));
        Assert.Equal(-161, RtpSequence.TimestampDistance(80, uint.MaxValue - 80));
    }

    [Fact]
    public void Update_SequenceWrapsPast65535_ExtendsHighestSequenceWithoutLoss()
    {
        var statistics = new RtpReceptionStatistics();
        statistics.Reset(1, 65530);
        uint timestamp = uint.MaxValue - 800; // the timestamp wraps too
        for (var i = 0; i < 20; i++)
        {
            Assert.True(statistics.Update((ushort)(65530 + i), timestamp, timestamp + 1000));
            timestamp += 160;
        }

        Assert.Equal(65536u + 13, statistics.ExtendedHighestSequence);
        Assert.Equal(20, statistics.PacketsExpected);
        Assert.Equal(0, statistics.CumulativeLost);
        Assert.Equal(0u, statistics.Jitter); // constant transit across the timestamp wrap
    }

    [Fact]
    public void TakeIntervalLoss_TwoOfTwentyMissing_ReportsFractionAndCumulative()
    {
        var statistics = new RtpReceptionStatistics();
        statistics.Reset(1, 100);
        for (var i = 0; i < 20; i++)
        {
            if (i is 5 or 6)
            {
                continue;
            }

            statistics.Update((ushort)(100 + i), (uint)(i * 160), (uint)(i * 160));
        }

        statistics.TakeIntervalLoss(out var fraction, out var cumulative);
        Assert.Equal(2, cumulative);
        Assert.Equal(2 * 256 / 20, fraction);

        // Next interval: no loss.
        for (var i = 20; i < 30; i++)
        {
            statistics.Update((ushort)(100 + i), (uint)(i * 160), (uint)(i * 160));
        }

        statistics.TakeIntervalLoss(out fraction, out cumulative);
        Assert.Equal(0, fraction);
        Assert.Equal(2, cumulative);
    }

    [Fact]
    public void Update_ArrivalAlternatesByFortyUnits_JitterConvergesToForty()
    {
        var statistics = new RtpReceptionStatistics();
        statistics.Reset(1, 0);
        for (var i = 0; i < 500; i++)
        {
            var timestamp = (uint)(i * 160);
            statistics.Update((ushort)i, timestamp, timestamp + (uint)(i % 2 == 0 ? 0 : 40));
        }

        Assert.InRange(statistics.Jitter, 38u, 40u);
    }

    [Fact]
    public void Update_LargeJump_AcceptedOnlyWhenNextPacketFollows()
    {
        var statistics = new RtpReceptionStatistics();
        statistics.Reset(1, 10);
        statistics.Update(10, 0, 0);
        Assert.False(statistics.Update(20000, 0, 0));
        Assert.True(statistics.Update(20001, 0, 0)); // the source restarted: statistics start over from here
        Assert.Equal(20001u, statistics.ExtendedHighestSequence);
    }

    [Fact]
    public void WriteReportThenTryRead_SenderReportWithBlock_RoundTrips()
    {
        var buffer = new byte[RtcpPacket.MaxReportLength];
        var info = new RtcpSenderInfo(RtcpSenderInfo.ToNtp(new DateTimeOffset(2026, 12, 2, 12, 0, 0, TimeSpan.Zero)), 123456, 250, 40000);
        var block = new RtcpReportBlock(0xCAFE, 25, -3, 65536 + 17, 42, 0x12345678, 65536);
        var length = RtcpPacket.WriteReport(buffer, 0xBEEF, info, block, RtcpPacket.EncodeCanonicalName("leg-a"));

        Assert.Equal(0, length % 4);
        Assert.True(RtcpPacket.TryRead(buffer.AsSpan(0, length), 0xCAFE, out var sender, out var readInfo, out var readBlock, out var goodbye));
        Assert.Equal(0xBEEFu, sender);
        Assert.Equal(info, readInfo);
        Assert.Equal(block, readBlock);
        Assert.False(goodbye);
    }

    [Fact]
    public void WriteReportThenTryRead_ReceiverReportWithBye_RoundTrips()
    {
        var buffer = new byte[RtcpPacket.MaxReportLength + 8];
        var length = RtcpPacket.WriteReport(buffer, 7, null, null, RtcpPacket.EncodeCanonicalName("x"));
        length += RtcpPacket.WriteGoodbye(buffer.AsSpan(length), 7);

        Assert.True(RtcpPacket.TryRead(buffer.AsSpan(0, length), 9, out var sender, out var info, out var block, out var goodbye));
        Assert.Equal(7u, sender);
        Assert.Null(info);
        Assert.Null(block);
        Assert.True(goodbye);
    }

    [Fact]
    public void ToNtp_KnownInstant_GivesSecondsSince1900()
    {
        // 1970-01-01 is 2,208,988,800 s after the NTP epoch (RFC 5905 §6); half a second is 0x80000000.
        var ntp = RtcpSenderInfo.ToNtp(DateTimeOffset.UnixEpoch.AddMilliseconds(500));
        Assert.Equal(2208988800UL, ntp >> 32);
        Assert.Equal(0x80000000UL, ntp & 0xFFFFFFFF);
    }
}
