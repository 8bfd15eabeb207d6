using System.Globalization;
using System.Text;

namespace ContactCenter.Sip.Sdp;

/// <summary>
/// One <c>m=</c> section (RFC 4566 §5.14) with its <c>c=</c>, <c>b=</c> and <c>a=</c> lines. Mutable, for
/// building; not thread-safe.
/// </summary>
public sealed class SdpMediaDescription
{
    private static readonly string[] s_directionNames = ["sendrecv", "sendonly", "recvonly", "inactive"];

    /// <summary>Creates a media section.</summary>
    /// <param name="media">The media type, e.g. <c>audio</c>.</param>
    /// <param name="port">The transport port; 0 rejects or disables the stream.</param>
    /// <param name="protocol">The transport protocol, e.g. <c>RTP/AVP</c>.</param>
    /// <param name="formats">The formats: RTP payload type numbers for RTP/AVP.</param>
    public SdpMediaDescription(string media, int port, string protocol, IEnumerable<string>? formats = null)
    {
        ArgumentNullException.ThrowIfNull(media);
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        Media = media;
        Port = port;
        Protocol = protocol;
        Formats = [.. formats ?? []];
    }

    /// <summary>The media type: <c>audio</c>, <c>video</c>, ….</summary>
    public string Media { get; set; }

    /// <summary>The transport port; 0 means the stream is rejected or disabled.</summary>
    public int Port { get; set; }

    /// <summary>The number of ports from <c>port/count</c>; <see langword="null"/> when not given.</summary>
    public int? PortCount { get; set; }

    /// <summary>The transport protocol, e.g. <c>RTP/AVP</c>.</summary>
    public string Protocol { get; set; }

    /// <summary>The formats in preference order (payload type numbers for RTP).</summary>
    public List<string> Formats { get; }

    /// <summary>The media-level <c>c=</c>; <see langword="null"/> when the session-level one applies.</summary>
    public SdpConnection? Connection { get; set; }

    /// <summary>The <c>b=</c> values (e.g. <c>AS:64</c>).</summary>
    public List<string> Bandwidths { get; } = [];

    /// <summary>The <c>a=</c> lines in order.</summary>
    public List<SdpAttribute> Attributes { get; } = [];

    /// <summary>Other lines of the section (<c>i=</c>, <c>k=</c>, unknown types), kept for pass-through.</summary>
    public List<KeyValuePair<char, string>> OtherLines { get; } = [];

    /// <summary>True when the port is 0.</summary>
    public bool IsRejected => Port == 0;

    /// <summary>The direction attribute of this section; <see langword="null"/> when none (the session's applies).</summary>
    public SdpDirection? Direction
    {
        get
        {
            foreach (SdpAttribute a in Attributes)
            {
                int i = Array.IndexOf(s_directionNames, a.Name);
                if (i >= 0 && a.Value is null)
                {
                    return (SdpDirection)i;
                }
            }

            return null;
        }

        set
        {
            Attributes.RemoveAll(a => a.Value is null && Array.IndexOf(s_directionNames, a.Name) >= 0);
            if (value is SdpDirection d)
            {
                Attributes.Add(new SdpAttribute(DirectionName(d)));
            }
        }
    }

    /// <summary>The <c>a=ptime</c> value in milliseconds; <see langword="null"/> when absent.</summary>
    public int? Ptime => int.TryParse(GetAttribute("ptime"), NumberStyles.None, CultureInfo.InvariantCulture, out int p) ? p : null;

    /// <summary>The first value of attribute <paramref name="name"/>; <see langword="null"/> when absent or valueless.</summary>
    /// <param name="name">The attribute name.</param>
    public string? GetAttribute(string name) => Attributes.FirstOrDefault(a => a.Name == name).Value;

    /// <summary>
    /// The rtpmap of payload type <paramref name="payloadType"/>: from <c>a=rtpmap</c>, or the RFC 3551 static
    /// assignment (0 PCMU, 3 GSM, 4 G723, 8 PCMA, 9 G722, 13 CN, 18 G729); <see langword="null"/> when unknown.
    /// </summary>
    /// <param name="payloadType">The payload type.</param>
    public SdpRtpMap? GetRtpMap(int payloadType)
    {
        string prefix = payloadType.ToString(CultureInfo.InvariantCulture) + " ";
        foreach (SdpAttribute a in Attributes)
        {
            if (a.Name == "rtpmap" && a.Value is not null && a.Value.StartsWith(prefix, StringComparison.Ordinal))
            {
                return SdpRtpMap.TryParse(a.Value, out SdpRtpMap? map) ? map : null;
            }
        }

        return payloadType switch
        {
            0 => new SdpRtpMap(0, "PCMU", 8000),
            3 => new SdpRtpMap(3, "GSM", 8000),
            4 => new SdpRtpMap(4, "G723", 8000),
            8 => new SdpRtpMap(8, "PCMA", 8000),
            9 => new SdpRtpMap(9, "G722", 8000),
            13 => new SdpRtpMap(13, "CN", 8000),
            18 => new SdpRtpMap(18, "G729", 8000),
            _ => null,
        };
    }

    /// <summary>The <c>a=fmtp</c> parameters of <paramref name="payloadType"/>; <see langword="null"/> when none.</summary>
    /// <param name="payloadType">The payload type.</param>
    public string? GetFormatParameters(int payloadType)
    {
        string prefix = payloadType.ToString(CultureInfo.InvariantCulture) + " ";
        foreach (SdpAttribute a in Attributes)
        {
            if (a.Name == "fmtp" && a.Value is not null && a.Value.StartsWith(prefix, StringComparison.Ordinal))
            {
                return a.Value[prefix.Length..].Trim();
            }
        }

        return null;
    }

    internal static string DirectionName(SdpDirection d) => s_directionNames[(int)d];

    internal void AppendTo(StringBuilder sb)
    {
        sb.Append("m=").Append(Media).Append(' ').Append(Port.ToString(CultureInfo.InvariantCulture));
        if (PortCount is int n)
        {
            sb.Append('/').Append(n.ToString(CultureInfo.InvariantCulture));
        }

        sb.Append(' ').Append(Protocol);
        foreach (string f in Formats)
        {
            sb.Append(' ').Append(f);
        }

        sb.Append("\r\n");
        SdpSessionDescription.AppendLines(sb, OtherLines, 'i');
        if (Connection is not null)
        {
            sb.Append("c=").Append(Connection.ToString()).Append("\r\n");
        }

        foreach (string b in Bandwidths)
        {
            sb.Append("b=").Append(b).Append("\r\n");
        }

        SdpSessionDescription.AppendLines(sb, OtherLines, 'k');
        SdpSessionDescription.AppendOtherLines(sb, OtherLines, "ik");
        foreach (SdpAttribute a in Attributes)
        {
            sb.Append("a=").Append(a.ToString()).Append("\r\n");
        }
    }
}
