using ContactCenter.Media.Jitter;

namespace ContactCenter.Media.Tests;

public class JitterBufferTests
{
    private static byte[] Frame(int marker) => [(byte)marker, (byte)(marker >> 8), 0xAB];

    private static (JitterReadResult Result, int Marker) Read(JitterBuffer buffer)
    {
        var destination = new byte[320];
        var result = buffer.Read(destination, out var length);
        return (result, length == 0 ? -1 : destination[0] | (destination[1] << 8));
    }

    [Fact]
    public void Read_PacketsArrivedOutOfOrder_PlaysInSequenceOrder()
    {
        var buffer = new JitterBuffer();
        foreach (var sequence in new ushort[] { 12, 10, 11, 14, 13 })
        {
            Assert.Equal(JitterInsertResult.Accepted, buffer.Insert(sequence, sequence * 160u, Frame(sequence)));
        }

        for (var expected = 10; expected <= 14; expected++)
        {
            Assert.Equal((JitterReadResult.Frame, expected), Read(buffer));
        }
    }

    [Fact]
    public void Read_SequenceWrapsPast65535_PlaysAcrossTheWrap()
    {
        var buffer = new JitterBuffer();
        ushort[] order = [65534, 0, 65535, 1, 2];
        foreach (var sequence in order)
        {
            buffer.Insert(sequence, 0, Frame(sequence));
        }

        foreach (var expected in new[] { 65534, 65535, 0, 1, 2 })
        {
            Assert.Equal((JitterReadResult.Frame, expected), Read(buffer));
        }
    }

    [Fact]
    public void Read_FrameMissingWithLaterFramesHeld_ReportsLostThenContinues()
    {
        var buffer = new JitterBuffer();
        foreach (var sequence in new ushort[] { 1, 2, 4, 5 })
        {
            buffer.Insert(sequence, 0, Frame(sequence));
        }

        Assert.Equal((JitterReadResult.Frame, 1), Read(buffer));
        Assert.Equal((JitterReadResult.Frame, 2), Read(buffer));
        Assert.Equal(JitterReadResult.Lost, Read(buffer).Result);
        Assert.Equal((JitterReadResult.Frame, 4), Read(buffer));
        Assert.Equal(1, buffer.Statistics.Lost);
    }

    [Fact]
    public void Insert_AfterItsSlotPlayed_CountsLateAndDeepensTarget()
    {
        var buffer = new JitterBuffer();
        foreach (var sequence in new ushort[] { 1, 2, 4, 5 })
        {
            buffer.Insert(sequence, 0, Frame(sequence));
        }

        Read(buffer);
        Read(buffer);
        Read(buffer); // slot 3: lost
        Assert.Equal(JitterInsertResult.Late, buffer.Insert(3, 0, Frame(3)));
        Assert.Equal(1, buffer.Statistics.Late);
        Assert.Equal(4, buffer.TargetDepth);
    }

    [Fact]
    public void Insert_SamePacketTwice_SecondIsDuplicate()
    {
        var buffer = new JitterBuffer();
        Assert.Equal(JitterInsertResult.Accepted, buffer.Insert(7, 0, Frame(7)));
        Assert.Equal(JitterInsertResult.Duplicate, buffer.Insert(7, 0, Frame(7)));
        Assert.Equal(1, buffer.Statistics.Duplicates);
        Assert.Equal(1, buffer.Statistics.Depth);
    }

    [Fact]
    public void Read_BeforeTargetDepth_IsBufferingThenPlays()
    {
        var buffer = new JitterBuffer(new JitterBufferOptions { InitialDepth = 3 });
        buffer.Insert(1, 0, Frame(1));
        buffer.Insert(2, 0, Frame(2));
        Assert.Equal(JitterReadResult.Buffering, Read(buffer).Result);
        buffer.Insert(3, 0, Frame(3));
        Assert.Equal((JitterReadResult.Frame, 1), Read(buffer));
    }

    [Fact]
    public void Read_BufferRunsEmpty_CountsUnderrunAndRebuffers()
    {
        var buffer = new JitterBuffer(new JitterBufferOptions { InitialDepth = 1 });
        buffer.Insert(1, 0, Frame(1));
        Assert.Equal(JitterReadResult.Frame, Read(buffer).Result);
        Assert.Equal(JitterReadResult.Buffering, Read(buffer).Result);
        Assert.Equal(1, buffer.Statistics.Underruns);

        // The next frame is not late: playout waited for it.
        Assert.Equal(JitterInsertResult.Accepted, buffer.Insert(2, 0, Frame(2)));
        Assert.Equal((JitterReadResult.Frame, 2), Read(buffer));
    }

    [Fact]
    public void Read_StableNetworkAfterDeepening_ShrinksTargetAndDropsExcessDelay()
    {
        var buffer = new JitterBuffer(new JitterBufferOptions { InitialDepth = 6, MinDepth = 1, StableFramesBeforeShrink = 10 });
        ushort next = 0;
        for (var i = 0; i < 6; i++)
        {
            buffer.Insert(next, 0, Frame(next));
            next++;
        }

        // Steady one-in-one-out for a while: the target shrinks every 10 frames and the held delay follows it.
        for (var i = 0; i < 60; i++)
        {
            Assert.Equal(JitterReadResult.Frame, Read(buffer).Result);
            buffer.Insert(next, 0, Frame(next));
            next++;
        }

        var statistics = buffer.Statistics;
        Assert.Equal(1, statistics.TargetDepth);
        Assert.True(statistics.Dropped > 0);
        Assert.InRange(statistics.Depth, 1, statistics.TargetDepth + 3);
    }

    [Fact]
    public void Insert_FarAheadOfPlayout_RestartsAroundNewStream()
    {
        var buffer = new JitterBuffer(new JitterBufferOptions { InitialDepth = 1 });
        buffer.Insert(1, 0, Frame(1));
        Read(buffer);
        Assert.Equal(JitterInsertResult.Restarted, buffer.Insert(30000, 0, Frame(30000)));
        Assert.Equal((JitterReadResult.Frame, 30000), Read(buffer));
    }
}

public class MediaOptionsProblemFormatTests
{
    [Fact]
    public void Validate_JitterPayloadSizeZero_NamesSectionOptionAndAllowedRange()
    {
        var ex = Assert.Throws<ArgumentException>(() => new JitterBufferOptions { MaxPayloadSize = 0 }.Validate());

        Assert.Equal("JitterBufferOptions:MaxPayloadSize: section 'JitterBufferOptions', option 'MaxPayloadSize': 0 is out of range; allowed: 1 to 1500 bytes.", ex.Message);
    }

    [Fact]
    public void Validate_RtcpIntervalTooShort_NamesSectionOptionAndAllowedRange()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ContactCenter.Media.Rtp.RtpSessionOptions { RtcpInterval = TimeSpan.FromMilliseconds(10) }.Validate());

        Assert.Equal("RtpSessionOptions:RtcpInterval: section 'RtpSessionOptions', option 'RtcpInterval': 00:00:00.0100000 is too short; allowed: 1 s or more.", ex.Message);
    }
}
