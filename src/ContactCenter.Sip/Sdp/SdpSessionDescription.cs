using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace ContactCenter.Sip.Sdp;

/// <summary>
/// A session description (RFC 4566): origin, session name, connection, timing, attributes and media sections.
/// Lines the model does not name (<c>i=</c>, <c>u=</c>, <c>e=</c>, <c>p=</c>, <c>z=</c>, <c>k=</c>, <c>r=</c>,
/// unknown types) are kept and written back. Mutable, for building; not thread-safe.
/// </summary>
public sealed class SdpSessionDescription
{
    /// <summary>Creates a description.</summary>
    /// <param name="origin">The <c>o=</c> line.</param>
    /// <param name="sessionName">The <c>s=</c> value; <c>-</c> by default.</param>
    public SdpSessionDescription(SdpOrigin origin, string sessionName = "-")
    {
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentNullException.ThrowIfNull(sessionName);
        Origin = origin;
        SessionName = sessionName;
    }

    /// <summary>The protocol version; always 0.</summary>
    public int Version => 0;

    /// <summary>The <c>o=</c> line.</summary>
    public SdpOrigin Origin { get; set; }

    /// <summary>The <c>s=</c> value (<c>-</c> when there is no name).</summary>
    public string SessionName { get; set; }

    /// <summary>The session-level <c>c=</c>; <see langword="null"/> when every media section has its own.</summary>
    public SdpConnection? Connection { get; set; }

    /// <summary>The session-level <c>b=</c> values.</summary>
    public List<string> Bandwidths { get; } = [];

    /// <summary>The <c>t=</c> values; <c>0 0</c> (unbounded) by default.</summary>
    public List<string> Timings { get; } = ["0 0"];

    /// <summary>The session-level <c>a=</c> lines.</summary>
    public List<SdpAttribute> Attributes { get; } = [];

    /// <summary>The media sections, in order (their order is what offer and answer match on).</summary>
    public List<SdpMediaDescription> Media { get; } = [];

    /// <summary>Other session-level lines, kept for pass-through.</summary>
    public List<KeyValuePair<char, string>> OtherLines { get; } = [];

    /// <summary>The connection that applies to <paramref name="media"/>: its own, else the session's.</summary>
    /// <param name="media">A section of this description.</param>
    public SdpConnection? GetConnection(SdpMediaDescription media)
    {
        ArgumentNullException.ThrowIfNull(media);
        return media.Connection ?? Connection;
    }

    /// <summary>The direction that applies to <paramref name="media"/>: its own, else the session's, else sendrecv.</summary>
    /// <param name="media">A section of this description.</param>
    public SdpDirection GetDirection(SdpMediaDescription media)
    {
        ArgumentNullException.ThrowIfNull(media);
        if (media.Direction is SdpDirection d)
        {
            return d;
        }

        foreach (SdpAttribute a in Attributes)
        {
            if (a.Value is null)
            {
                switch (a.Name)
                {
                    case "sendonly": return SdpDirection.SendOnly;
                    case "recvonly": return SdpDirection.RecvOnly;
                    case "inactive": return SdpDirection.Inactive;
                    case "sendrecv": return SdpDirection.SendRecv;
                }
            }
        }

        return SdpDirection.SendRecv;
    }

    /// <summary>Parses a description from the body of a SIP message (UTF-8).</summary>
    /// <param name="utf8">The body.</param>
    /// <param name="description">The description, when the text is one.</param>
    /// <param name="error">What is wrong, when it is not.</param>
    public static bool TryParse(ReadOnlySpan<byte> utf8, [NotNullWhen(true)] out SdpSessionDescription? description, [NotNullWhen(false)] out string? error) =>
        TryParse(Encoding.UTF8.GetString(utf8), out description, out error);

    /// <summary>Parses a description.</summary>
    /// <param name="text">The SDP text; CRLF or LF line ends.</param>
    /// <param name="description">The description, when the text is one.</param>
    /// <param name="error">What is wrong, when it is not.</param>
    public static bool TryParse(string text, [NotNullWhen(true)] out SdpSessionDescription? description, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        description = null;
        string[] lines = text.Split('\n');
        SdpSessionDescription? sdp = null;
        SdpMediaDescription? media = null;
        bool sawVersion = false;
        bool sawName = false;
        bool sawTiming = false;
        for (int n = 0; n < lines.Length; n++)
        {
            string line = lines[n].TrimEnd('\r');
            if (line.Length == 0)
            {
                continue;
            }

            if (line.Length < 2 || line[1] != '=' || !char.IsAsciiLetterLower(line[0]))
            {
                error = $"Line {n + 1} is not 'x=value'.";
                return false;
            }

            char type = line[0];
            string value = line[2..];
            if (!sawVersion)
            {
                if (type != 'v' || value != "0")
                {
                    error = "The description does not start with v=0.";
                    return false;
                }

                sawVersion = true;
                continue;
            }

            if (sdp is null)
            {
                if (type != 'o' || !TryParseOrigin(value, out SdpOrigin? origin))
                {
                    error = "The second line is not a valid o= line.";
                    return false;
                }

                sdp = new SdpSessionDescription(origin);
                sdp.Timings.Clear();
                continue;
            }

            switch (type)
            {
                case 'v':
                case 'o':
                    error = $"Line {n + 1}: a second {type}= line.";
                    return false;
                case 's' when media is null:
                    sdp.SessionName = value;
                    sawName = true;
                    break;
                case 't' when media is null:
                    sdp.Timings.Add(value);
                    sawTiming = true;
                    break;
                case 'c':
                    if (!TryParseConnection(value, out SdpConnection? c))
                    {
                        error = $"Line {n + 1}: invalid c= line.";
                        return false;
                    }

                    if (media is null)
                    {
                        sdp.Connection = c;
                    }
                    else
                    {
                        media.Connection = c;
                    }

                    break;
                case 'b':
                    (media?.Bandwidths ?? sdp.Bandwidths).Add(value);
                    break;
                case 'a':
                    int colon = value.IndexOf(':', StringComparison.Ordinal);
                    var attribute = colon < 0 ? new SdpAttribute(value) : new SdpAttribute(value[..colon], value[(colon + 1)..]);
                    (media?.Attributes ?? sdp.Attributes).Add(attribute);
                    break;
                case 'm':
                    if (!TryParseMedia(value, out media))
                    {
                        error = $"Line {n + 1}: invalid m= line.";
                        return false;
                    }

                    sdp.Media.Add(media);
                    break;
                default:
                    (media?.OtherLines ?? sdp.OtherLines).Add(new(type, value));
                    break;
            }
        }

        if (sdp is null || !sawName || !sawTiming)
        {
            error = "The description lacks one of v=, o=, s=, t=.";
            return false;
        }

        foreach (SdpMediaDescription m in sdp.Media)
        {
            if (sdp.GetConnection(m) is null && !m.IsRejected)
            {
                error = "A media section has no connection address.";
                return false;
            }
        }

        description = sdp;
        error = null;
        return true;
    }

    /// <summary>Parses a description, throwing when it is invalid.</summary>
    /// <param name="text">The SDP text.</param>
    /// <exception cref="FormatException">The text is not a valid description.</exception>
    public static SdpSessionDescription Parse(string text) =>
        TryParse(text, out SdpSessionDescription? d, out string? e) ? d : throw new FormatException(e);

    /// <summary>The description as text, lines in RFC 4566 order, CRLF line ends.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder(256);
        sb.Append("v=0\r\n");
        sb.Append("o=").Append(Origin.ToString()).Append("\r\n");
        sb.Append("s=").Append(SessionName).Append("\r\n");
        AppendLines(sb, OtherLines, 'i');
        AppendLines(sb, OtherLines, 'u');
        AppendLines(sb, OtherLines, 'e');
        AppendLines(sb, OtherLines, 'p');
        if (Connection is not null)
        {
            sb.Append("c=").Append(Connection.ToString()).Append("\r\n");
        }

        foreach (string b in Bandwidths)
        {
            sb.Append("b=").Append(b).Append("\r\n");
        }

        foreach (string t in Timings.Count == 0 ? ["0 0"] : Timings)
        {
            sb.Append("t=").Append(t).Append("\r\n");
        }

        AppendLines(sb, OtherLines, 'r');
        AppendLines(sb, OtherLines, 'z');
        AppendLines(sb, OtherLines, 'k');
        AppendOtherLines(sb, OtherLines, "iuepzrk");
        foreach (SdpAttribute a in Attributes)
        {
            sb.Append("a=").Append(a.ToString()).Append("\r\n");
        }

        foreach (SdpMediaDescription m in Media)
        {
            m.AppendTo(sb);
        }

        return sb.ToString();
    }

    /// <summary>The description as UTF-8 bytes, ready to be a SIP body.</summary>
    public byte[] ToBytes() => Encoding.UTF8.GetBytes(ToString());

    internal static void AppendLines(StringBuilder sb, List<KeyValuePair<char, string>> lines, char type)
    {
        foreach (var l in lines)
        {
            if (l.Key == type)
            {
                sb.Append(type).Append('=').Append(l.Value).Append("\r\n");
            }
        }
    }

    internal static void AppendOtherLines(StringBuilder sb, List<KeyValuePair<char, string>> lines, string known)
    {
        foreach (var l in lines)
        {
            if (!known.Contains(l.Key, StringComparison.Ordinal))
            {
                sb.Append(l.Key).Append('=').Append(l.Value).Append("\r\n");
            }
        }
    }

    private static bool TryParseOrigin(string value, [NotNullWhen(true)] out SdpOrigin? origin)
    {
        origin = null;
        string[] f = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (f.Length != 6
            || !ulong.TryParse(f[1], NumberStyles.None, CultureInfo.InvariantCulture, out ulong id)
            || !ulong.TryParse(f[2], NumberStyles.None, CultureInfo.InvariantCulture, out ulong version))
        {
            return false;
        }

        origin = new SdpOrigin(f[0], id, version, f[5], f[4], f[3]);
        return true;
    }

    private static bool TryParseConnection(string value, [NotNullWhen(true)] out SdpConnection? connection)
    {
        connection = null;
        string[] f = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (f.Length != 3)
        {
            return false;
        }

        connection = new SdpConnection(f[2], f[1], f[0]);
        return true;
    }

    private static bool TryParseMedia(string value, [NotNullWhen(true)] out SdpMediaDescription? media)
    {
        media = null;
        string[] f = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (f.Length < 3)
        {
            return false;
        }

        string port = f[1];
        int? count = null;
        int slash = port.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            if (!int.TryParse(port.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int c))
            {
                return false;
            }

            count = c;
            port = port[..slash];
        }

        if (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out int p) || p > 65535)
        {
            return false;
        }

        media = new SdpMediaDescription(f[0], p, f[2], f.Skip(3)) { PortCount = count };
        return true;
    }
}
