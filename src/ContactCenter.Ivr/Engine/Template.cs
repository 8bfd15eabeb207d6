using System.Text;

namespace ContactCenter.Ivr.Engine;

/// <summary>A text with <c>{variable}</c> placeholders, parsed once. Constant texts render without allocating.</summary>
internal sealed class Template
{
    private readonly string[] _parts; // even index: literal, odd index: variable name

    private Template(string source, string[] parts)
    {
        Source = source;
        _parts = parts;
    }

    public static Template Empty { get; } = new(string.Empty, Array.Empty<string>());

    public string Source { get; }

    public bool IsConstant => _parts.Length == 0;

    public bool IsEmpty => Source.Length == 0;

    public static Template Parse(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return Empty;
        }

        var parts = new List<string>();
        var literal = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '{')
            {
                var close = text.IndexOf('}', i + 1);
                if (close > i + 1 && IsName(text.AsSpan(i + 1, close - i - 1)))
                {
                    parts.Add(literal.ToString());
                    literal.Clear();
                    parts.Add(text.Substring(i + 1, close - i - 1));
                    i = close + 1;
                    continue;
                }
            }

            literal.Append(c);
            i++;
        }

        if (parts.Count == 0)
        {
            return new Template(text, Array.Empty<string>());
        }

        parts.Add(literal.ToString());
        return new Template(text, parts.ToArray());
    }

    public string Render(IReadOnlyDictionary<string, string> variables)
    {
        if (_parts.Length == 0)
        {
            return Source;
        }

        var sb = new StringBuilder(Source.Length + 16);
        for (var i = 0; i < _parts.Length; i++)
        {
            if ((i & 1) == 0)
            {
                sb.Append(_parts[i]);
            }
            else if (variables.TryGetValue(_parts[i], out var value))
            {
                sb.Append(value);
            }
        }

        return sb.ToString();
    }

    private static bool IsName(ReadOnlySpan<char> name)
    {
        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not '_' and not '.' and not '-')
            {
                return false;
            }
        }

        return true;
    }
}
