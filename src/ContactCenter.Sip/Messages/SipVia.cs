using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using ContactCenter.Sip.Parsing;

namespace ContactCenter.Sip.Messages;

/// <summary>
/// One immutable Via value (RFC 3261 §20.42, RFC 3581 <c>rport</c>): transport, sent-by host and port, and
/// parameters such as <c>branch</c>, <c>received</c> and <c>rport</c>. Thread-safe.
/// </summary>
public sealed class SipVia
{
    /// <summary>The RFC 3261 branch magic cookie.</summary>
    public const string MagicCookie = "z9hG4bK";

    /// <summary>Creates a Via value for SIP/2.0.</summary>
    /// <param name="transport">The transport, e.g. <c>UDP</c>, <c>TCP</c>, <c>TLS</c> (upper-cased).</param>
    /// <param name="host">The sent-by host.</param>
    /// <param name="port">The sent-by port; <see langword="null"/> to leave it out.</param>
    /// <param name="branch">The branch (see <see cref="SipIdGenerator.NewBranch"/>); <see langword="null"/> for none.</param>
    /// <param name="parameters">Further parameters (a <c>branch</c> among them is replaced by <paramref name="branch"/>).</param>
    public SipVia(string transport, string host, int? port = null, string? branch = null, SipParameters? parameters = null)
        : this("SIP", "2.0", transport ?? throw new ArgumentNullException(nameof(transport)), host ?? throw new ArgumentNullException(nameof(host)), port, branch is null ? parameters ?? SipParameters.Empty : (parameters ?? SipParameters.Empty).With("branch", branch))
    {
        if (!SipGrammar.IsToken(transport.AsSpan()))
        {
            throw new ArgumentException($"'{transport}' is not a valid transport.", nameof(transport));
        }

        if (!SipGrammar.IsHost(host.AsSpan()))
        {
            throw new ArgumentException($"'{host}' is not a valid host (IPv6 addresses need brackets).", nameof(host));
        }

        if (port is < 0 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(port));
        }
    }

    private SipVia(string protocolName, string protocolVersion, string transport, string host, int? port, SipParameters parameters)
    {
        ProtocolName = protocolName;
        ProtocolVersion = protocolVersion;
        Transport = transport.ToUpperInvariant();
        Host = host;
        Port = port;
        Parameters = parameters;
    }

    /// <summary>The protocol name, normally <c>SIP</c>.</summary>
    public string ProtocolName { get; }

    /// <summary>The protocol version, normally <c>2.0</c>.</summary>
    public string ProtocolVersion { get; }

    /// <summary>The transport in upper case: <c>UDP</c>, <c>TCP</c>, <c>TLS</c>, <c>SCTP</c>, <c>WS</c>, ….</summary>
    public string Transport { get; }

    /// <summary>The sent-by host.</summary>
    public string Host { get; }

    /// <summary>The sent-by port; <see langword="null"/> when absent (the transport's default applies).</summary>
    public int? Port { get; }

    /// <summary>All parameters in order.</summary>
    public SipParameters Parameters { get; }

    /// <summary>The <c>branch</c> parameter; <see langword="null"/> when absent (RFC 2543 peers).</summary>
    public string? Branch => Parameters["branch"];

    /// <summary>
    /// True when the branch starts with the magic cookie and has more after it, so it identifies an RFC 3261
    /// transaction; otherwise transactions are matched the RFC 2543 way (RFC 3261 §17.2.3).
    /// </summary>
    public bool HasRfc3261Branch => Branch is { Length: > 7 } b && b.StartsWith(MagicCookie, StringComparison.Ordinal);

    /// <summary>The <c>received</c> parameter; <see langword="null"/> when absent.</summary>
    public string? Received => Parameters["received"];

    /// <summary>True when an <c>rport</c> parameter is present, with or without a value (RFC 3581).</summary>
    public bool HasRPort => Parameters.Contains("rport");

    /// <summary>The value of <c>rport</c>; <see langword="null"/> when absent or empty (a request asking for it).</summary>
    public int? RPort => int.TryParse(Parameters["rport"], NumberStyles.None, CultureInfo.InvariantCulture, out int p) ? p : null;

    /// <summary>The <c>maddr</c> parameter; <see langword="null"/> when absent.</summary>
    public string? MAddr => Parameters["maddr"];

    /// <summary>Returns a copy with the <c>received</c> parameter set (RFC 3261 §18.2.1).</summary>
    /// <param name="address">The source IP address the request came from.</param>
    public SipVia WithReceived(string address) => WithParameter("received", address);

    /// <summary>Returns a copy with <c>rport</c> set to the source port (RFC 3581 §4).</summary>
    /// <param name="port">The source port the request came from.</param>
    public SipVia WithRPort(int port) => WithParameter("rport", port.ToString(CultureInfo.InvariantCulture));

    /// <summary>Returns a copy with a parameter set (or added).</summary>
    /// <param name="name">The parameter name.</param>
    /// <param name="value">Its value, or <see langword="null"/> for a flag parameter.</param>
    public SipVia WithParameter(string name, string? value) =>
        new(ProtocolName, ProtocolVersion, Transport, Host, Port, Parameters.With(name, value));

    /// <summary>Parses one Via value (not a comma-separated list).</summary>
    /// <param name="text">A via-parm, e.g. <c>SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK1</c>.</param>
    /// <exception cref="FormatException">The text is not a Via value.</exception>
    public static SipVia Parse(string text) =>
        TryParse(text, out SipVia? via) ? via : throw new FormatException($"'{text}' is not a valid Via value.");

    /// <summary>Parses one Via value without throwing.</summary>
    /// <param name="text">A via-parm.</param>
    /// <param name="via">The value, when the text is one.</param>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out SipVia? via)
    {
        via = null;
        if (text is null)
        {
            return false;
        }

        int i = 0;
        if (!SipGrammar.TryParseVia(text.AsSpan(), ref i, out ViaParts parts))
        {
            return false;
        }

        SipGrammar.SkipWhitespace(text.AsSpan(), ref i);
        if (i != text.Length)
        {
            return false;
        }

        via = FromParts(text, parts);
        return true;
    }

    /// <summary>Parses every value of a (possibly comma-separated) Via header line and appends them to <paramref name="into"/>.</summary>
    internal static bool TryParseList(string text, List<SipVia> into)
    {
        int i = 0;
        bool more;
        do
        {
            if (!SipGrammar.TryParseVia(text.AsSpan(), ref i, out ViaParts parts) || !SipGrammar.NextListElement(text.AsSpan(), ref i, out more))
            {
                return false;
            }

            into.Add(FromParts(text, parts));
        }
        while (more);
        return true;
    }

    private static SipVia FromParts(string text, in ViaParts p) => new(
        Common(text, p.ProtocolName),
        Common(text, p.ProtocolVersion),
        Common(text, p.Transport),
        p.Host.Of(text)!,
        p.Port >= 0 ? p.Port : null,
        p.Parameters.IsPresent ? SipParameters.FromText(text.AsSpan(p.Parameters.Start, p.Parameters.Length)) : SipParameters.Empty);

    private static string Common(string text, Segment segment) => CommonStrings.Get(text.AsSpan(segment.Start, segment.Length));

    /// <summary>Writes the value: <c>SIP/2.0/UDP host:port;params</c>.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder(64);
        sb.Append(ProtocolName).Append('/').Append(ProtocolVersion).Append('/').Append(Transport).Append(' ').Append(Host);
        if (Port is int port)
        {
            sb.Append(':').Append(port.ToString(CultureInfo.InvariantCulture));
        }

        Parameters.AppendTo(sb);
        return sb.ToString();
    }
}
