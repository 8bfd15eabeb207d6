namespace ContactCenter.Media.Rtp;

/// <summary>
/// Wrap-aware comparison of RTP sequence numbers (16 bit) and timestamps (32 bit): serial-number arithmetic, so
/// 0 follows 65535 and a timestamp just past 2^32 is newer than one just before it.
/// </summary>
public static class RtpSequence
{
    /// <summary>Signed distance from <paramref name="from"/> to <paramref name="to"/> in [-32768, 32767].</summary>
    /// <param name="from">The reference sequence number.</param>
    /// <param name="to">The other sequence number.</param>
    /// <returns>Positive when <paramref name="to"/> is newer.</returns>
    public static int Distance(ushort from, ushort to) => (short)(ushort)(to - from);

    /// <summary>Whether <paramref name="candidate"/> is newer than <paramref name="reference"/> (wrap-aware).</summary>
    /// <param name="candidate">The sequence number to test.</param>
    /// <param name="reference">The sequence number to compare with.</param>
    /// <returns><see langword="true"/> when newer.</returns>
    public static bool IsNewer(ushort candidate, ushort reference) => Distance(reference, candidate) > 0;

    /// <summary>Signed distance between two RTP timestamps (wrap-aware).</summary>
    /// <param name="from">The reference timestamp.</param>
    /// <param name="to">The other timestamp.</param>
    /// <returns>Positive when <paramref name="to"/> is later.</returns>
    public static int TimestampDistance(uint from, uint to) => (int)(to - from);
}
