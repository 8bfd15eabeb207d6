using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using ContactCenter.Sip.Parsing;

namespace ContactCenter.Sip.Messages;

/// <summary>
/// An immutable SIP or SIPS URI (RFC 3261 §19.1), or any other absolute URI (<c>tel:</c>, unknown schemes) kept
/// as text. Components are kept as written, escapes included (see <see cref="Unescape"/>). Thread-safe.
/// </summary>
public sealed class SipUri
{
    private readonly string _text;
    private readonly UriParts _parts;
    private SipParameters? _parameters;
    private string? _user;
    private string? _host;

    private SipUri(string text, in UriParts parts)
    {
        _text = text;
        _parts = parts;
    }

    /// <summary>Creates a <c>sip:</c> or <c>sips:</c> URI from its parts.</summary>
    /// <param name="scheme"><c>"sip"</c> or <c>"sips"</c>.</param>
    /// <param name="user">The user part, already escaped where needed; <see langword="null"/> for none.</param>
    /// <param name="host">A host name, IPv4 address, or bracketed IPv6 reference.</param>
    /// <param name="port">The port; <see langword="null"/> to leave it out.</param>
    /// <param name="parameters">URI parameters (<c>transport</c>, <c>lr</c>, …); none by default.</param>
    /// <exception cref="ArgumentException">The parts do not form a valid URI.</exception>
    public SipUri(string scheme, string? user, string host, int? port = null, SipParameters? parameters = null)
        : this(Build(scheme, user, host, port, parameters))
    {
    }

    private SipUri(string text)
    {
        if (!SipGrammar.TryParseUri(text.AsSpan(), out _parts) || !_parts.IsSip)
        {
            throw new ArgumentException($"'{text}' is not a valid SIP URI.");
        }

        _text = text;
    }

    private static string Build(string scheme, string? user, string host, int? port, SipParameters? parameters)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        ArgumentNullException.ThrowIfNull(host);
        var sb = new StringBuilder(scheme.Length + host.Length + 32);
        sb.Append(scheme).Append(':');
        if (user is not null)
        {
            sb.Append(user).Append('@');
        }

        sb.Append(host);
        if (port is int p)
        {
            sb.Append(':').Append(p.ToString(CultureInfo.InvariantCulture));
        }

        parameters?.AppendTo(sb);
        return sb.ToString();
    }

    /// <summary>The scheme in lower case: <c>sip</c>, <c>sips</c>, <c>tel</c>, ….</summary>
    public string Scheme => _parts.IsSip ? (_parts.IsSecure ? "sips" : "sip") : _text[.._parts.Scheme.Length].ToLowerInvariant();

    /// <summary>True for <c>sip:</c> and <c>sips:</c> URIs, whose components are available.</summary>
    public bool IsSip => _parts.IsSip;

    /// <summary>True for <c>sips:</c>.</summary>
    public bool IsSecure => _parts.IsSecure;

    /// <summary>The user part as written (escapes kept); <see langword="null"/> when absent.</summary>
    public string? User => _user ??= _parts.User.Of(_text);

    /// <summary>The password as written; <see langword="null"/> when absent.</summary>
    public string? Password => _parts.Password.Of(_text);

    /// <summary>The host (IPv6 references keep their brackets); empty for URIs that are not SIP URIs.</summary>
    public string Host => _host ??= _parts.Host.Of(_text) ?? string.Empty;

    /// <summary>The port; <see langword="null"/> when the URI names none.</summary>
    public int? Port => _parts.Port >= 0 ? _parts.Port : null;

    /// <summary>The URI parameters (<c>;transport=tcp;lr</c>), empty when there are none.</summary>
    public SipParameters Parameters => _parameters ??= _parts.Parameters.IsPresent
        ? SipParameters.FromText(_text.AsSpan(_parts.Parameters.Start, _parts.Parameters.Length))
        : SipParameters.Empty;

    /// <summary>The header part after <c>?</c> as written (<c>Route=%3Csip:x%3E</c>); <see langword="null"/> when absent.</summary>
    public string? Headers => _parts.Headers.Of(_text);

    /// <summary>The <c>transport</c> parameter; <see langword="null"/> when absent.</summary>
    public string? Transport => Parameters["transport"];

    /// <summary>True when the URI carries the <c>lr</c> (loose routing) parameter.</summary>
    public bool IsLooseRouter => Parameters.Contains("lr");

    /// <summary>Parses a URI.</summary>
    /// <param name="text">The URI text, without angle brackets.</param>
    /// <exception cref="FormatException"><paramref name="text"/> is not a URI.</exception>
    public static SipUri Parse(string text) =>
        TryParse(text, out SipUri? uri) ? uri : throw new FormatException($"'{text}' is not a valid URI.");

    /// <summary>Parses a URI without throwing.</summary>
    /// <param name="text">The URI text, without angle brackets.</param>
    /// <param name="uri">The URI, when the text is one.</param>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out SipUri? uri)
    {
        if (text is not null && SipGrammar.TryParseUri(text.AsSpan(), out UriParts parts))
        {
            uri = new SipUri(text, parts);
            return true;
        }

        uri = null;
        return false;
    }

    internal static SipUri FromParts(string text, in UriParts parts) => new(text, parts);

    /// <summary>Returns a copy with the URI parameter <paramref name="name"/> set (or added).</summary>
    /// <param name="name">A parameter name.</param>
    /// <param name="value">Its value, or <see langword="null"/> for a flag parameter such as <c>lr</c>.</param>
    /// <exception cref="InvalidOperationException">The URI is not a SIP URI.</exception>
    public SipUri WithParameter(string name, string? value) => Rebuild(Parameters.With(name, value));

    /// <summary>Returns a copy without the URI parameter <paramref name="name"/>.</summary>
    /// <param name="name">A parameter name.</param>
    public SipUri WithoutParameter(string name) => Rebuild(Parameters.Without(name));

    private SipUri Rebuild(SipParameters parameters)
    {
        if (!IsSip)
        {
            throw new InvalidOperationException("Only SIP URIs have parameters.");
        }

        string? userInfo = _parts.User.IsPresent
            ? _text[_parts.User.Start..(_parts.Password.IsPresent ? _parts.Password.End : _parts.User.End)]
            : null;
        string text = Build(Scheme, userInfo, Host, Port, parameters);
        return _parts.Headers.IsPresent ? new SipUri(text + "?" + Headers) : new SipUri(text);
    }

    private static readonly string[] s_mustMatchParameters = ["transport", "user", "ttl", "method", "maddr"];

    /// <summary>
    /// Compares two URIs by the rules of RFC 3261 §19.1.4: escapes decoded; user and password case-sensitive;
    /// host, parameter names and values case-insensitive; an omitted port or <c>transport</c>/<c>user</c>/
    /// <c>ttl</c>/<c>method</c>/<c>maddr</c> parameter differs from an explicit one; other parameters count only
    /// when both have them; header components must all match. Other schemes compare as text.
    /// </summary>
    /// <param name="other">The URI to compare with.</param>
    public bool IsEquivalentTo(SipUri other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!IsSip || !other.IsSip)
        {
            return !IsSip && !other.IsSip && string.Equals(Scheme, other.Scheme, StringComparison.Ordinal)
                && string.Equals(_text[(_parts.Scheme.Length + 1)..], other._text[(other._parts.Scheme.Length + 1)..], StringComparison.Ordinal);
        }

        if (IsSecure != other.IsSecure
            || !string.Equals(UnescapeOrNull(User), UnescapeOrNull(other.User), StringComparison.Ordinal)
            || !string.Equals(UnescapeOrNull(Password), UnescapeOrNull(other.Password), StringComparison.Ordinal)
            || !string.Equals(Host, other.Host, StringComparison.OrdinalIgnoreCase)
            || Port != other.Port)
        {
            return false;
        }

        foreach (string name in s_mustMatchParameters)
        {
            if (Parameters.Contains(name) != other.Parameters.Contains(name))
            {
                return false;
            }
        }

        foreach (var p in Parameters)
        {
            if (other.Parameters.TryGetValue(p.Key, out string? value)
                && !string.Equals(UnescapeOrNull(p.Value), UnescapeOrNull(value), StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return HeaderSet(Headers).SetEquals(HeaderSet(other.Headers));
    }

    private static string? UnescapeOrNull(string? component) => component is null ? null : Unescape(component);

    private static HashSet<string> HeaderSet(string? headers)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        if (headers is not null)
        {
            foreach (string h in headers.Split('&'))
            {
                int eq = h.IndexOf('=', StringComparison.Ordinal);
                set.Add(eq < 0 ? Unescape(h).ToLowerInvariant() : Unescape(h[..eq]).ToLowerInvariant() + "=" + Unescape(h[(eq + 1)..]));
            }
        }

        return set;
    }

    /// <summary>Decodes <c>%HH</c> escapes (as UTF-8) in a URI component, e.g. <c>%75se%72</c> gives <c>user</c>.</summary>
    /// <param name="component">A component as written.</param>
    public static string Unescape(string component)
    {
        ArgumentNullException.ThrowIfNull(component);
        if (!component.Contains('%', StringComparison.Ordinal))
        {
            return component;
        }

        var bytes = new List<byte>(component.Length);
        for (int i = 0; i < component.Length; i++)
        {
            if (component[i] == '%' && i + 2 < component.Length
                && SipChars.HexValue(component[i + 1]) >= 0 && SipChars.HexValue(component[i + 2]) >= 0)
            {
                bytes.Add((byte)(SipChars.HexValue(component[i + 1]) * 16 + SipChars.HexValue(component[i + 2])));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(component[i].ToString()));
            }
        }

        return Encoding.UTF8.GetString([.. bytes]);
    }

    /// <summary>The URI as text.</summary>
    public override string ToString() => _text;
}
