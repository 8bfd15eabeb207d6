using System.Buffers.Binary;
using System.Text;

namespace ContactCenter.Media.Rtp;

/// <summary>RTCP packet types this stack reads or writes (RFC 3550 §12.1).</summary>
public enum RtcpPacketType : byte
{
    /// <summary>Sender report.</summary>
    SenderReport = 200,

    /// <summary>Receiver report.</summary>
    ReceiverReport = 201,

    /// <summary>Source description.</summary>
    SourceDescription = 202,

    /// <summary>Goodbye.</summary>
    Goodbye = 203,
}

/// <summary>
/// Writes and reads compound RTCP packets: an SR or RR with at most one report block followed by an SDES CNAME
/// (RFC 3550 §6.1 requires both in every compound packet), and BYE. Reading walks the compound packet and hands
/// back the sender info and the report block about a given SSRC; other packet types are skipped.
/// </summary>
public static class RtcpPacket
{
    /// <summary>Largest compound packet <see cref="WriteReport"/> produces with a CNAME of up to 255 bytes.</summary>
    public const int MaxReportLength = 28 + 24 + 12 + 256;

    /// <summary>Writes SR (when <paramref name="senderInfo"/> is given) or RR, then SDES CNAME.</summary>
    /// <param name="destination">Output buffer, at least <see cref="MaxReportLength"/> bytes.</param>
    /// <param name="ssrc">Our SSRC.</param>
    /// <param name="senderInfo">Sender info for an SR; <see langword="null"/> for an RR.</param>
    /// <param name="block">The report block about the remote source, if one has been heard.</param>
    /// <param name="cname">The canonical name (ASCII), at most 255 bytes.</param>
    /// <returns>Bytes written.</returns>
    public static int WriteReport(Span<byte> destination, uint ssrc, RtcpSenderInfo? senderInfo, RtcpReportBlock? block, ReadOnlySpan<byte> cname)
    {
        var count = block.HasValue ? 1 : 0;
        var length = 8 + (senderInfo.HasValue ? 20 : 0) + (count * 24);
        destination[0] = (byte)(0x80 | count);
        destination[1] = (byte)(senderInfo.HasValue ? RtcpPacketType.SenderReport : RtcpPacketType.ReceiverReport);
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], (ushort)((length / 4) - 1));
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], ssrc);
        var offset = 8;
        if (senderInfo is { } info)
        {
            BinaryPrimitives.WriteUInt64BigEndian(destination[offset..], info.NtpTimestamp);
            BinaryPrimitives.WriteUInt32BigEndian(destination[(offset + 8)..], info.RtpTimestamp);
            BinaryPrimitives.WriteUInt32BigEndian(destination[(offset + 12)..], info.PacketCount);
            BinaryPrimitives.WriteUInt32BigEndian(destination[(offset + 16)..], info.OctetCount);
            offset += 20;
        }

        if (block is { } b)
        {
            BinaryPrimitives.WriteUInt32BigEndian(destination[offset..], b.Ssrc);
            BinaryPrimitives.WriteUInt32BigEndian(destination[(offset + 4)..], ((uint)b.FractionLost << 24) | ((uint)b.CumulativeLost & 0xFFFFFF));
            BinaryPrimitives.WriteUInt32BigEndian(destination[(offset + 8)..], b.ExtendedHighestSequence);
            BinaryPrimitives.WriteUInt32BigEndian(destination[(offset + 12)..], b.Jitter);
            BinaryPrimitives.WriteUInt32BigEndian(destination[(offset + 16)..], b.LastSenderReport);
            BinaryPrimitives.WriteUInt32BigEndian(destination[(offset + 20)..], b.DelaySinceLastSenderReport);
            offset += 24;
        }

        return offset + WriteSourceDescription(destination[offset..], ssrc, cname);
    }

    /// <summary>Writes a BYE for <paramref name="ssrc"/> (RFC 3550 §6.6), to follow a report in a compound packet.</summary>
    /// <param name="destination">At least 8 bytes.</param>
    /// <param name="ssrc">The leaving source.</param>
    /// <returns>Bytes written.</returns>
    public static int WriteGoodbye(Span<byte> destination, uint ssrc)
    {
        destination[0] = 0x81;
        destination[1] = (byte)RtcpPacketType.Goodbye;
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], 1);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], ssrc);
        return 8;
    }

    /// <summary>
    /// Reads a compound RTCP packet: the sender's SSRC, its sender info if it is an SR, and the report block about
    /// <paramref name="localSsrc"/> if it carries one. Fails on a malformed first packet (RFC 3550 A.2 validity checks).
    /// </summary>
    /// <param name="packet">The datagram.</param>
    /// <param name="localSsrc">Our SSRC, to pick our report block.</param>
    /// <param name="senderSsrc">The SSRC of the reporting source.</param>
    /// <param name="senderInfo">Its sender info, if an SR.</param>
    /// <param name="block">The block reporting on us, if present.</param>
    /// <param name="goodbye">Whether the compound packet contains a BYE.</param>
    /// <returns><see langword="true"/> for a valid compound packet.</returns>
    public static bool TryRead(ReadOnlySpan<byte> packet, uint localSsrc, out uint senderSsrc, out RtcpSenderInfo? senderInfo, out RtcpReportBlock? block, out bool goodbye)
    {
        senderSsrc = 0;
        senderInfo = null;
        block = null;
        goodbye = false;

        // A.2: version 2, the first packet is SR or RR, and no padding on it.
        if (packet.Length < 8 || (packet[0] & 0xE0) != 0x80 || packet[1] is not ((byte)RtcpPacketType.SenderReport or (byte)RtcpPacketType.ReceiverReport))
        {
            return false;
        }

        var first = true;
        while (packet.Length >= 4)
        {
            if ((packet[0] >> 6) != 2)
            {
                return false;
            }

            var length = (BinaryPrimitives.ReadUInt16BigEndian(packet[2..]) + 1) * 4;
            if (length > packet.Length)
            {
                return false;
            }

            var body = packet[..length];
            var count = body[0] & 0x1F;
            var type = body[1];
            if (type is (byte)RtcpPacketType.SenderReport or (byte)RtcpPacketType.ReceiverReport && body.Length >= 8)
            {
                var ssrc = BinaryPrimitives.ReadUInt32BigEndian(body[4..]);
                var offset = 8;
                if (type == (byte)RtcpPacketType.SenderReport)
                {
                    if (body.Length < 28)
                    {
                        return false;
                    }

                    if (first)
                    {
                        senderInfo = new RtcpSenderInfo(
                            BinaryPrimitives.ReadUInt64BigEndian(body[8..]),
                            BinaryPrimitives.ReadUInt32BigEndian(body[16..]),
                            BinaryPrimitives.ReadUInt32BigEndian(body[20..]),
                            BinaryPrimitives.ReadUInt32BigEndian(body[24..]));
                    }

                    offset = 28;
                }

                if (first)
                {
                    senderSsrc = ssrc;
                }

                for (var i = 0; i < count && offset + 24 <= body.Length; i++, offset += 24)
                {
                    var reportee = BinaryPrimitives.ReadUInt32BigEndian(body[offset..]);
                    if (reportee != localSsrc)
                    {
                        continue;
                    }

                    var lossWord = BinaryPrimitives.ReadUInt32BigEndian(body[(offset + 4)..]);
                    var cumulative = (int)(lossWord << 8) >> 8; // sign-extend the 24-bit field
                    block = new RtcpReportBlock(
                        reportee,
                        (byte)(lossWord >> 24),
                        cumulative,
                        BinaryPrimitives.ReadUInt32BigEndian(body[(offset + 8)..]),
                        BinaryPrimitives.ReadUInt32BigEndian(body[(offset + 12)..]),
                        BinaryPrimitives.ReadUInt32BigEndian(body[(offset + 16)..]),
                        BinaryPrimitives.ReadUInt32BigEndian(body[(offset + 20)..]));
                }
            }
            else if (type == (byte)RtcpPacketType.Goodbye)
            {
                goodbye = true;
            }

            first = false;
            packet = packet[length..];
        }

        return true;
    }

    /// <summary>Creates the CNAME bytes for a session ("media@host"-style names are fine; RFC 7022 suggests a random per-session name).</summary>
    /// <param name="cname">The canonical name, ASCII, at most 255 characters.</param>
    /// <returns>The encoded name.</returns>
    public static byte[] EncodeCanonicalName(string cname)
    {
        ArgumentNullException.ThrowIfNull(cname);
        var bytes = Encoding.ASCII.GetBytes(cname);
        return bytes.Length <= 255 ? bytes : bytes[..255];
    }

    private static int WriteSourceDescription(Span<byte> destination, uint ssrc, ReadOnlySpan<byte> cname)
    {
        // One chunk: SSRC, CNAME item (type 1, length, text), END item, padded to a 32-bit boundary (§6.5).
        var itemsLength = 2 + cname.Length + 1;
        var chunkLength = 4 + itemsLength;
        var padded = (chunkLength + 3) & ~3;
        var total = 4 + padded;
        destination[0] = 0x81;
        destination[1] = (byte)RtcpPacketType.SourceDescription;
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], (ushort)((total / 4) - 1));
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], ssrc);
        destination[8] = 1;
        destination[9] = (byte)cname.Length;
        cname.CopyTo(destination[10..]);
        destination[(10 + cname.Length)..total].Clear();
        return total;
    }
}
