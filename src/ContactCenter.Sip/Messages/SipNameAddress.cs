using System.Diagnostics.CodeAnalysis;
using System.Text;
using ContactCenter.Sip.Parsing;

namespace ContactCenter.Sip.Messages;

/// <summary>
/// An immutable address as it appears in From, To, Contact, Route and Record-Route (RFC 3261 §20.10): an optional
/// display name, a URI and header parameters such as <c>tag</c>, <c>expires</c> or <c>q</c>. Thread-safe.
/// </summary>
public sealed class SipNameAddress
{
    /// <summary>Creates an address.</summary>
    /// <param name="uri">The URI.</param>
    /// <param name="displayName">The display name, unquoted; <see langword="null"/> for none.</param>
    /// <param name="parameters">Header parameters; none by default.</param>
    public SipNameAddress(SipUri uri, string? displayName = null, SipParameters? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (displayName is not null && displayName.AsSpan().ContainsAny('\r', '\n'))
        {
            throw new ArgumentException("A display name cannot hold line breaks.", nameof(displayName));
        }

        Uri = uri;
        DisplayName = displayName;
        Parameters = parameters ?? SipParameters.Empty;
    }

    /// <summary>The display name with quotes removed and escapes resolved; <see langword="null"/> when absent.</summary>
    public string? DisplayName { get; }

    /// <summary>The URI.</summary>
    public SipUri Uri { get; }

    /// <summary>The header parameters (after the URI, outside the angle brackets).</summary>
    public SipParameters Parameters { get; }

    /// <summary>The <c>tag</c> parameter; <see langword="null"/> when absent.</summary>
    public string? Tag => Parameters["tag"];

    /// <summary>Returns a copy with the <c>tag</c> parameter set.</summary>
    /// <param name="tag">The tag, a token (see <see cref="SipIdGenerator.NewTag"/>).</param>
    public SipNameAddress WithTag(string tag) => WithParameter("tag", tag);

    /// <summary>Returns a copy with a header parameter set (or added).</summary>
    /// <param name="name">The parameter name.</param>
    /// <param name="value">Its value, or <see langword="null"/> for a flag parameter.</param>
    public SipNameAddress WithParameter(string name, string? value) => new(Uri, DisplayName, Parameters.With(name, value));

    /// <summary>Parses a name-addr (<c>"Bob" &lt;sip:bob@x&gt;;tag=1</c>) or addr-spec (<c>sip:bob@x;tag=1</c>).</summary>
    /// <param name="text">The header value.</param>
    /// <exception cref="FormatException">The text is not an address.</exception>
    public static SipNameAddress Parse(string text) =>
        TryParse(text, out SipNameAddress? a) ? a : throw new FormatException($"'{text}' is not a valid SIP address.");

    /// <summary>Parses an address without throwing.</summary>
    /// <param name="text">The header value.</param>
    /// <param name="address">The address, when the text is one.</param>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out SipNameAddress? address)
    {
        address = null;
        if (text is null)
        {
            return false;
        }

        int i = 0;
        if (!SipGrammar.TryParseNameAddr(text.AsSpan(), ref i, allowAddrSpec: true, out NameAddrParts parts))
        {
            return false;
        }

        SipGrammar.SkipWhitespace(text.AsSpan(), ref i);
        if (i != text.Length)
        {
            return false;
        }

        address = FromParts(text, parts);
        return true;
    }

    internal static SipNameAddress FromParts(string text, in NameAddrParts p)
    {
        string? display = null;
        if (p.DisplayName.IsPresent)
        {
            ReadOnlySpan<char> d = text.AsSpan(p.DisplayName.Start, p.DisplayName.Length);
            display = p.DisplayNameQuoted ? UnquoteString(d[1..^1]) : d.ToString();
        }

        var uri = SipUri.FromParts(text.Substring(p.Uri.Start, p.Uri.Length), p.UriParts);
        var parameters = p.Parameters.IsPresent
            ? SipParameters.FromText(text.AsSpan(p.Parameters.Start, p.Parameters.Length))
            : SipParameters.Empty;
        return new SipNameAddress(uri, display, parameters);
    }

    internal static string UnquoteString(ReadOnlySpan<char> inner)
    {
        if (inner.IndexOfAny('\\', '\r', '\n') < 0)
        {
            return inner.ToString();
        }

        var sb = new StringBuilder(inner.Length);
        for (int i = 0; i < inner.Length; i++)
        {
            char c = inner[i];
            if (c == '\\' && i + 1 < inner.Length)
            {
                sb.Append(inner[++i]);
            }
            else if (c is '\r' or '\n')
            {
                // Folded line: the CRLF and the whitespace after it are one SP.
                while (i + 1 < inner.Length && inner[i + 1] is '\r' or '\n' or ' ' or '\t')
                {
                    i++;
                }

                sb.Append(' ');
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    internal static string QuoteString(string value)
    {
        var sb = new StringBuilder(value.Length + 2).Append('"');
        foreach (char c in value)
        {
            if (c is '"' or '\\')
            {
                sb.Append('\\');
            }

            sb.Append(c);
        }

        return sb.Append('"').ToString();
    }

    /// <summary>Writes the address in name-addr form: <c>"Display" &lt;uri&gt;;params</c>.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        if (DisplayName is not null)
        {
            sb.Append(QuoteString(DisplayName)).Append(' ');
        }

        sb.Append('<').Append(Uri.ToString()).Append('>');
        Parameters.AppendTo(sb);
        return sb.ToString();
    }
}
