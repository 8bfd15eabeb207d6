namespace ContactCenter.Media.Rtp;

/// <summary>A snapshot of an <see cref="RtpSession"/>'s counters.</summary>
/// <param name="PacketsSent">RTP packets sent (audio and telephone events).</param>
/// <param name="OctetsSent">Payload octets sent.</param>
/// <param name="PacketsReceived">RTP packets accepted from the current remote source.</param>
/// <param name="PacketsLost">Cumulative loss of the remote source (RFC 3550 A.3).</param>
/// <param name="Jitter">Interarrival jitter of the remote source in timestamp units (RFC 3550 A.8).</param>
/// <param name="InvalidPackets">Datagrams that were not valid RTP, or of an unexpected payload type.</param>
/// <param name="RtcpSent">RTCP compound packets sent.</param>
/// <param name="RtcpReceived">Valid RTCP compound packets received.</param>
/// <param name="RemoteReport">The last report block the far end sent about us, if any.</param>
/// <param name="RoundTripTime">Round-trip time from the last report block carrying LSR (RFC 3550 §6.4.1), if any.</param>
public readonly record struct RtpSessionStatistics(
    long PacketsSent,
    long OctetsSent,
    long PacketsReceived,
    long PacketsLost,
    uint Jitter,
    long InvalidPackets,
    long RtcpSent,
    long RtcpReceived,
    RtcpReportBlock? RemoteReport,
    TimeSpan? RoundTripTime);
