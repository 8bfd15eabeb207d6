using System.Text;

namespace ContactCenter.Sip.Auth;

/// <summary>
/// The parameters of a <c>Digest</c> challenge or credentials header value
/// (<c>WWW-Authenticate</c>, <c>Authorization</c>, <c>Proxy-*</c>): RFC 3261 section 25.1 <c>auth-param</c>s,
/// tokens or quoted strings separated by commas.
/// </summary>
internal sealed class DigestHeader
{
    private readonly Dictionary<string, string> _parameters;

    private DigestHeader(Dictionary<string, string> parameters) => _parameters = parameters;

    /// <summary>A parameter's value without quotes and escapes, or null.</summary>
    public string? this[string name] => _parameters.GetValueOrDefault(name);

    /// <summary>The number of parameters.</summary>
    public int Count => _parameters.Count;

    /// <summary>Parses a header value that starts with the <c>Digest</c> scheme; false for any other scheme or bad syntax.</summary>
    public static bool TryParse(ReadOnlySpan<char> value, out DigestHeader header)
    {
        header = null!;
        value = value.Trim();
        const string scheme = "Digest";
        if (value.Length <= scheme.Length || !value.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) || !IsSpace(value[scheme.Length]))
        {
            return false;
        }

        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var i = scheme.Length;
        while (true)
        {
            SkipSpace(value, ref i);
            if (i >= value.Length)
            {
                break;
            }

            var nameStart = i;
            while (i < value.Length && IsTokenChar(value[i]))
            {
                i++;
            }

            if (i == nameStart)
            {
                return false;
            }

            var name = value[nameStart..i].ToString();
            SkipSpace(value, ref i);
            if (i >= value.Length || value[i] != '=')
            {
                return false;
            }

            i++;
            SkipSpace(value, ref i);
            string parameterValue;
            if (i < value.Length && value[i] == '"')
            {
                i++;
                var builder = new StringBuilder();
                var closed = false;
                while (i < value.Length)
                {
                    var c = value[i++];
                    if (c == '\\' && i < value.Length)
                    {
                        builder.Append(value[i++]);
                    }
                    else if (c == '"')
                    {
                        closed = true;
                        break;
                    }
                    else
                    {
                        builder.Append(c);
                    }
                }

                if (!closed)
                {
                    return false;
                }

                parameterValue = builder.ToString();
            }
            else
            {
                var valueStart = i;
                while (i < value.Length && IsTokenChar(value[i]))
                {
                    i++;
                }

                if (i == valueStart)
                {
                    return false;
                }

                parameterValue = value[valueStart..i].ToString();
            }

            // A repeated parameter makes the header ambiguous (RFC 7616 section 3.4: each appears at most once).
            if (!parameters.TryAdd(name, parameterValue))
            {
                return false;
            }

            SkipSpace(value, ref i);
            if (i >= value.Length)
            {
                break;
            }

            if (value[i] != ',')
            {
                return false;
            }

            i++;
        }

        header = new DigestHeader(parameters);
        return true;
    }

    /// <summary>Formats <c>Digest name="value", name=token, ...</c>; values listed in <paramref name="tokens"/> are not quoted.</summary>
    public static string Format(IEnumerable<KeyValuePair<string, string>> parameters, params ReadOnlySpan<string> tokens)
    {
        var builder = new StringBuilder("Digest ");
        var first = true;
        foreach (var (name, value) in parameters)
        {
            if (!first)
            {
                builder.Append(", ");
            }

            first = false;
            builder.Append(name).Append('=');
            if (tokens.Contains(name))
            {
                builder.Append(value);
            }
            else
            {
                builder.Append('"');
                foreach (var c in value)
                {
                    if (c is '"' or '\\')
                    {
                        builder.Append('\\');
                    }

                    builder.Append(c);
                }

                builder.Append('"');
            }
        }

        return builder.ToString();
    }

    private static void SkipSpace(ReadOnlySpan<char> value, ref int i)
    {
        while (i < value.Length && IsSpace(value[i]))
        {
            i++;
        }
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\r' or '\n';

    // RFC 3261 token characters.
    private static bool IsTokenChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '!' or '%' or '*' or '_' or '+' or '`' or '\'' or '~';
}
