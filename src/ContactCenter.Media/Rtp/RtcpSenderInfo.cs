namespace ContactCenter.Media.Rtp;

/// <summary>The sender information of an RTCP sender report (RFC 3550 §6.4.1).</summary>
/// <param name="NtpTimestamp">Wall-clock time of the report as a 64-bit NTP timestamp.</param>
/// <param name="RtpTimestamp">The same instant in RTP timestamp units.</param>
/// <param name="PacketCount">RTP data packets sent since the start.</param>
/// <param name="OctetCount">Payload octets sent since the start.</param>
public readonly record struct RtcpSenderInfo(ulong NtpTimestamp, uint RtpTimestamp, uint PacketCount, uint OctetCount)
{
    private static readonly DateTimeOffset s_ntpEpoch = new(1900, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The middle 32 bits of the NTP timestamp, as echoed in LSR.</summary>
    public uint CompactNtp => (uint)(NtpTimestamp >> 16);

    /// <summary>Converts a wall-clock time to a 64-bit NTP timestamp (seconds since 1900 in 32.32 fixed point).</summary>
    /// <param name="time">The time.</param>
    /// <returns>The NTP timestamp.</returns>
    public static ulong ToNtp(DateTimeOffset time)
    {
        var ticks = (ulong)(time - s_ntpEpoch).Ticks;
        var seconds = ticks / TimeSpan.TicksPerSecond;
        var fraction = ((ticks % TimeSpan.TicksPerSecond) << 32) / TimeSpan.TicksPerSecond;
        return (seconds << 32) | fraction;
    }
}
