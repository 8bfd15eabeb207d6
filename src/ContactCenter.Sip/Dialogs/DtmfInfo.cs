using System.Globalization;
using System.Text;

namespace ContactCenter.Sip.Dialogs;

/// <summary>
/// DTMF in SIP INFO bodies, the de-facto formats phones use when RFC 4733 events are not negotiated:
/// <c>application/dtmf-relay</c> (<c>Signal=5</c>, <c>Duration=160</c> lines) and <c>application/dtmf</c> (the digit alone).
/// </summary>
internal static class DtmfInfo
{
    public const string RelayContentType = "application/dtmf-relay";
    public const string PlainContentType = "application/dtmf";

    private static readonly TimeSpan DefaultDuration = TimeSpan.FromMilliseconds(160);

    public static bool IsDigit(char c) => char.IsAsciiDigit(c) || c is '*' or '#' or (>= 'A' and <= 'D');

    public static string Format(char digit, TimeSpan duration) =>
        string.Create(CultureInfo.InvariantCulture, $"Signal={digit}\r\nDuration={(int)duration.TotalMilliseconds}\r\n");

    public static bool TryParse(string contentType, ReadOnlySpan<byte> body, out char digit, out TimeSpan duration)
    {
        digit = default;
        duration = DefaultDuration;
        var mediaType = contentType.AsSpan();
        var semicolon = mediaType.IndexOf(';');
        if (semicolon >= 0)
        {
            mediaType = mediaType[..semicolon];
        }

        mediaType = mediaType.Trim();
        var text = Encoding.ASCII.GetString(body);
        if (mediaType.Equals(PlainContentType, StringComparison.OrdinalIgnoreCase))
        {
            var trimmed = text.Trim();
            return trimmed.Length == 1 && TryDigit(trimmed[0], out digit);
        }

        if (!mediaType.Equals(RelayContentType, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var found = false;
        foreach (var line in text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                continue;
            }

            var name = line.AsSpan(0, equals).Trim();
            var value = line.AsSpan(equals + 1).Trim();
            if (name.Equals("Signal", StringComparison.OrdinalIgnoreCase) && value.Length == 1)
            {
                found = TryDigit(value[0], out digit);
            }
            else if (name.Equals("Signal", StringComparison.OrdinalIgnoreCase) && value.Length is 2 && value[0] == '1' && char.IsAsciiDigit(value[1]))
            {
                // Some phones send events 10 and 11 for * and #.
                digit = value[1] == '0' ? '*' : value[1] == '1' ? '#' : default;
                found = digit != default;
            }
            else if (name.Equals("Duration", StringComparison.OrdinalIgnoreCase)
                && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds) && milliseconds is > 0 and < 60_000)
            {
                duration = TimeSpan.FromMilliseconds(milliseconds);
            }
        }

        return found;
    }

    private static bool TryDigit(char c, out char digit)
    {
        digit = char.ToUpperInvariant(c);
        return IsDigit(digit);
    }
}
