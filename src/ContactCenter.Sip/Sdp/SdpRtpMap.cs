using System.Globalization;

namespace ContactCenter.Sip.Sdp;

/// <summary>An <c>a=rtpmap</c> value: payload type → encoding name, clock rate and channels (RFC 4566 §6).</summary>
/// <param name="PayloadType">The RTP payload type, 0–127.</param>
/// <param name="EncodingName">The encoding, e.g. <c>PCMU</c>, <c>telephone-event</c>.</param>
/// <param name="ClockRate">The clock rate in Hz.</param>
/// <param name="Channels">The channel count; <see langword="null"/> when not given (1 for audio).</param>
public sealed record SdpRtpMap(int PayloadType, string EncodingName, int ClockRate, int? Channels = null)
{
    /// <summary>The attribute value, e.g. <c>0 PCMU/8000</c>.</summary>
    public override string ToString() =>
        PayloadType.ToString(CultureInfo.InvariantCulture) + " " + EncodingName + "/" + ClockRate.ToString(CultureInfo.InvariantCulture)
        + (Channels is int c ? "/" + c.ToString(CultureInfo.InvariantCulture) : string.Empty);

    /// <summary>Parses an rtpmap value such as <c>101 telephone-event/8000</c>.</summary>
    /// <param name="value">The attribute value.</param>
    /// <param name="map">The map, when the value is one.</param>
    public static bool TryParse(string? value, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out SdpRtpMap? map)
    {
        map = null;
        if (value is null)
        {
            return false;
        }

        int sp = value.IndexOf(' ', StringComparison.Ordinal);
        if (sp <= 0 || !int.TryParse(value.AsSpan(0, sp), NumberStyles.None, CultureInfo.InvariantCulture, out int pt) || pt > 127)
        {
            return false;
        }

        string[] parts = value[(sp + 1)..].Trim().Split('/');
        if (parts.Length is < 2 or > 3 || parts[0].Length == 0
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int rate) || rate == 0)
        {
            return false;
        }

        int? channels = null;
        if (parts.Length == 3)
        {
            if (!int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out int ch))
            {
                return false;
            }

            channels = ch;
        }

        map = new SdpRtpMap(pt, parts[0], rate, channels);
        return true;
    }
}
