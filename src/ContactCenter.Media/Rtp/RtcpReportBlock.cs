namespace ContactCenter.Media.Rtp;

/// <summary>One reception report block of an RTCP SR or RR (RFC 3550 §6.4.1).</summary>
/// <param name="Ssrc">The source this block reports on.</param>
/// <param name="FractionLost">Loss in the last interval as a fraction of 256.</param>
/// <param name="CumulativeLost">Packets lost since the start (24-bit signed).</param>
/// <param name="ExtendedHighestSequence">Cycles × 65536 + highest sequence number received.</param>
/// <param name="Jitter">Interarrival jitter in timestamp units.</param>
/// <param name="LastSenderReport">Middle 32 bits of the NTP timestamp of the last SR received from the source (LSR), 0 if none.</param>
/// <param name="DelaySinceLastSenderReport">Delay since that SR in units of 1/65536 s (DLSR).</param>
public readonly record struct RtcpReportBlock(
    uint Ssrc,
    byte FractionLost,
    int CumulativeLost,
    uint ExtendedHighestSequence,
    uint Jitter,
    uint LastSenderReport,
    uint DelaySinceLastSenderReport);
