using System.Buffers.Binary;

namespace ContactCenter.Media.Dtmf;

/// <summary>
/// The payload of an RFC 4733 telephone-event packet (§2.3): event code, end bit, volume and duration, 4 bytes.
/// </summary>
/// <param name="Event">The event code (0–9, 10 = *, 11 = #, 12–15 = A–D, §3.2).</param>
/// <param name="End">The E bit: this packet reports the end of the event.</param>
/// <param name="Volume">Power level in −dBm0, 0–63 (§2.3.4); 10 is typical.</param>
/// <param name="Duration">Duration so far in timestamp units, from the event's RTP timestamp.</param>
public readonly record struct TelephoneEvent(byte Event, bool End, byte Volume, ushort Duration)
{
    /// <summary>Length of the payload.</summary>
    public const int Length = 4;

    /// <summary>Reads the payload.</summary>
    /// <param name="payload">The RTP payload.</param>
    /// <param name="value">The event when successful.</param>
    /// <returns><see langword="false"/> when shorter than 4 bytes.</returns>
    public static bool TryRead(ReadOnlySpan<byte> payload, out TelephoneEvent value)
    {
        if (payload.Length < Length)
        {
            value = default;
            return false;
        }

        value = new TelephoneEvent(payload[0], (payload[1] & 0x80) != 0, (byte)(payload[1] & 0x3F), BinaryPrimitives.ReadUInt16BigEndian(payload[2..]));
        return true;
    }

    /// <summary>Writes the payload.</summary>
    /// <param name="destination">At least 4 bytes.</param>
    /// <returns>4.</returns>
    public int Write(Span<byte> destination)
    {
        destination[0] = Event;
        destination[1] = (byte)((End ? 0x80 : 0) | (Volume & 0x3F));
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], Duration);
        return Length;
    }

    /// <summary>Maps a DTMF digit to its event code (RFC 4733 §3.2).</summary>
    /// <param name="digit">0–9, *, #, A–D (case-insensitive).</param>
    /// <param name="code">The event code.</param>
    /// <returns><see langword="false"/> for any other character.</returns>
    public static bool TryGetEventCode(char digit, out byte code)
    {
        code = digit switch
        {
            >= '0' and <= '9' => (byte)(digit - '0'),
            '*' => 10,
            '#' => 11,
            >= 'A' and <= 'D' => (byte)(digit - 'A' + 12),
            >= 'a' and <= 'd' => (byte)(digit - 'a' + 12),
            _ => byte.MaxValue,
        };
        return code != byte.MaxValue;
    }

    /// <summary>Maps an event code to its DTMF digit.</summary>
    /// <param name="code">The event code.</param>
    /// <returns>The digit, or '\0' for a code that is not DTMF (16 = flash and above).</returns>
    public static char ToDigit(byte code) => code switch
    {
        <= 9 => (char)('0' + code),
        10 => '*',
        11 => '#',
        <= 15 => (char)('A' + code - 12),
        _ => '\0',
    };
}
