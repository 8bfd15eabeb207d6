using System.Buffers.Binary;

namespace ContactCenter.Media.Rtp;

/// <summary>
/// The fixed RTP header (RFC 3550 §5.1) of one packet. <see cref="TryRead"/> validates and locates the payload
/// (skipping CSRCs, the header extension and padding); <see cref="Write"/> emits the 12-byte header this stack
/// sends (no CSRC, no extension).
/// </summary>
public readonly record struct RtpHeader
{
    /// <summary>Length of the fixed header without CSRCs or extension.</summary>
    public const int FixedLength = 12;

    /// <summary>Creates a header.</summary>
    /// <param name="payloadType">The 7-bit payload type.</param>
    /// <param name="sequenceNumber">The 16-bit sequence number.</param>
    /// <param name="timestamp">The 32-bit RTP timestamp.</param>
    /// <param name="ssrc">The synchronisation source.</param>
    /// <param name="marker">The marker bit.</param>
    public RtpHeader(byte payloadType, ushort sequenceNumber, uint timestamp, uint ssrc, bool marker = false)
    {
        PayloadType = payloadType;
        SequenceNumber = sequenceNumber;
        Timestamp = timestamp;
        Ssrc = ssrc;
        Marker = marker;
    }

    /// <summary>The 7-bit payload type.</summary>
    public byte PayloadType { get; init; }

    /// <summary>The 16-bit sequence number.</summary>
    public ushort SequenceNumber { get; init; }

    /// <summary>The 32-bit RTP timestamp (sampling instant of the first octet, RFC 3550 §5.1).</summary>
    public uint Timestamp { get; init; }

    /// <summary>The synchronisation source identifier.</summary>
    public uint Ssrc { get; init; }

    /// <summary>The marker bit (first packet of a talk spurt, or the start of a telephone event).</summary>
    public bool Marker { get; init; }

    /// <summary>
    /// Reads a header from a received datagram. Fails for a version other than 2, a packet shorter than its
    /// declared CSRCs/extension/padding, or an RTCP packet (payload types 72–76 with the marker, RFC 5761 §4).
    /// </summary>
    /// <param name="packet">The whole datagram.</param>
    /// <param name="header">The header when successful.</param>
    /// <param name="payloadOffset">Offset of the payload in <paramref name="packet"/>.</param>
    /// <param name="payloadLength">Length of the payload, padding excluded.</param>
    /// <returns><see langword="true"/> for a well-formed RTP packet.</returns>
    public static bool TryRead(ReadOnlySpan<byte> packet, out RtpHeader header, out int payloadOffset, out int payloadLength)
    {
        header = default;
        payloadOffset = 0;
        payloadLength = 0;
        if (packet.Length < FixedLength || (packet[0] >> 6) != 2)
        {
            return false;
        }

        var payloadType = (byte)(packet[1] & 0x7F);
        if (payloadType is >= 72 and <= 76)
        {
            return false;
        }

        var offset = FixedLength + ((packet[0] & 0x0F) * 4);
        if ((packet[0] & 0x10) != 0)
        {
            if (packet.Length < offset + 4)
            {
                return false;
            }

            offset += 4 + (BinaryPrimitives.ReadUInt16BigEndian(packet[(offset + 2)..]) * 4);
        }

        var end = packet.Length;
        if ((packet[0] & 0x20) != 0)
        {
            // RFC 3550 §5.1: the last octet counts the padding octets, itself included.
            var padding = packet[^1];
            if (padding == 0)
            {
                return false;
            }

            end -= padding;
        }

        if (offset > end)
        {
            return false;
        }

        header = new RtpHeader(
            payloadType,
            BinaryPrimitives.ReadUInt16BigEndian(packet[2..]),
            BinaryPrimitives.ReadUInt32BigEndian(packet[4..]),
            BinaryPrimitives.ReadUInt32BigEndian(packet[8..]),
            (packet[1] & 0x80) != 0);
        payloadOffset = offset;
        payloadLength = end - offset;
        return true;
    }

    /// <summary>Writes the 12-byte fixed header (version 2, no padding, extension or CSRC).</summary>
    /// <param name="destination">At least <see cref="FixedLength"/> bytes.</param>
    /// <returns><see cref="FixedLength"/>.</returns>
    public int Write(Span<byte> destination)
    {
        if (destination.Length < FixedLength)
        {
            throw new ArgumentException("An RTP header needs 12 bytes.", nameof(destination));
        }

        destination[0] = 0x80;
        destination[1] = (byte)((Marker ? 0x80 : 0) | (PayloadType & 0x7F));
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], SequenceNumber);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], Timestamp);
        BinaryPrimitives.WriteUInt32BigEndian(destination[8..], Ssrc);
        return FixedLength;
    }
}
