using System.Collections;
using System.Text;
using ContactCenter.Sip.Parsing;

namespace ContactCenter.Sip.Messages;

/// <summary>
/// An immutable, ordered list of <c>;name=value</c> parameters of a URI or a header value. Names compare
/// case-insensitively; a parameter without a value (<c>;lr</c>) has a <see langword="null"/> value; values are kept
/// as written (a quoted-string value keeps its quotes). Thread-safe.
/// </summary>
public sealed class SipParameters : IReadOnlyList<KeyValuePair<string, string?>>
{
    private readonly KeyValuePair<string, string?>[] _items;

    /// <summary>The empty list.</summary>
    public static SipParameters Empty { get; } = new([]);

    private SipParameters(KeyValuePair<string, string?>[] items) => _items = items;

    /// <summary>Creates a list from name/value pairs (a <see langword="null"/> value means a flag parameter).</summary>
    /// <param name="parameters">The parameters in order; names must be tokens.</param>
    public SipParameters(IEnumerable<KeyValuePair<string, string?>> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        _items = [.. parameters];
        foreach (var p in _items)
        {
            Validate(p.Key, p.Value);
        }
    }

    /// <inheritdoc/>
    public int Count => _items.Length;

    /// <inheritdoc/>
    public KeyValuePair<string, string?> this[int index] => _items[index];

    /// <summary>The value of the first parameter named <paramref name="name"/>; <see langword="null"/> when absent or valueless.</summary>
    /// <param name="name">The parameter name, any case.</param>
    public string? this[string name] => TryGetValue(name, out string? v) ? v : null;

    /// <summary>True when a parameter named <paramref name="name"/> is present (with or without a value).</summary>
    /// <param name="name">The parameter name, any case.</param>
    public bool Contains(string name) => IndexOf(name) >= 0;

    /// <summary>Finds a parameter by name.</summary>
    /// <param name="name">The parameter name, any case.</param>
    /// <param name="value">Its value; <see langword="null"/> for a flag parameter.</param>
    /// <returns>True when the parameter is present.</returns>
    public bool TryGetValue(string name, out string? value)
    {
        int i = IndexOf(name);
        value = i >= 0 ? _items[i].Value : null;
        return i >= 0;
    }

    /// <summary>Returns a copy with <paramref name="name"/> set to <paramref name="value"/> (replaced in place, or added last).</summary>
    /// <param name="name">A token.</param>
    /// <param name="value">The value as it is to be written, or <see langword="null"/> for a flag parameter.</param>
    public SipParameters With(string name, string? value)
    {
        Validate(name, value);
        int i = IndexOf(name);
        KeyValuePair<string, string?>[] items;
        if (i >= 0)
        {
            items = (KeyValuePair<string, string?>[])_items.Clone();
            items[i] = new(name, value);
        }
        else
        {
            items = [.. _items, new(name, value)];
        }

        return new SipParameters(items);
    }

    /// <summary>Returns a copy without any parameter named <paramref name="name"/>.</summary>
    /// <param name="name">The parameter name, any case.</param>
    public SipParameters Without(string name) =>
        IndexOf(name) < 0 ? this : new SipParameters([.. _items.Where(p => !string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase))]);

    /// <summary>Writes the list as <c>;a=b;c</c> (empty when there are none).</summary>
    public override string ToString()
    {
        if (_items.Length == 0)
        {
            return string.Empty;
        }

        var sb = new StringBuilder();
        AppendTo(sb);
        return sb.ToString();
    }

    internal void AppendTo(StringBuilder sb)
    {
        foreach (var p in _items)
        {
            sb.Append(';').Append(p.Key);
            if (p.Value is not null)
            {
                sb.Append('=').Append(p.Value);
            }
        }
    }

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, string?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, string?>>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int IndexOf(string name)
    {
        for (int i = 0; i < _items.Length; i++)
        {
            if (string.Equals(_items[i].Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    private static void Validate(string name, string? value)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0 || name.AsSpan().ContainsAny(";=,?<> \t\r\n\""))
        {
            throw new ArgumentException($"'{name}' is not a valid parameter name.", nameof(name));
        }

        if (value is not null && value.AsSpan().ContainsAny(";,?<>\r\n"))
        {
            if (!(value.Length >= 2 && value[0] == '"' && value[^1] == '"' && !value.AsSpan().ContainsAny("\r\n")))
            {
                throw new ArgumentException($"'{value}' is not a valid parameter value.", nameof(value));
            }
        }
    }

    /// <summary>Builds the list from text already checked by the grammar (URI style or header style).</summary>
    internal static SipParameters FromText(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return Empty;
        }

        // Size the array once: each parameter is introduced by a ';' (outside quotes; a quoted ';' only over-counts).
        var items = new KeyValuePair<string, string?>[text.Count(';') + 1];
        int count = 0;
        int i = 0;
        while (i < text.Length)
        {
            SipGrammar.SkipWhitespace(text, ref i);
            if (i < text.Length && text[i] == ';')
            {
                i++;
                SipGrammar.SkipWhitespace(text, ref i);
            }

            int start = i;
            while (i < text.Length && text[i] is not ('=' or ';' or ' ' or '\t' or '\r' or '\n'))
            {
                i++;
            }

            string name = CommonStrings.Get(text[start..i]);
            string? value = null;
            int k = i;
            SipGrammar.SkipWhitespace(text, ref k);
            if (k < text.Length && text[k] == '=')
            {
                k++;
                SipGrammar.SkipWhitespace(text, ref k);
                int vs = k;
                if (k < text.Length && text[k] == '"')
                {
                    SipGrammar.SkipQuotedString(text, ref k);
                }
                else
                {
                    while (k < text.Length && text[k] is not (';' or ' ' or '\t' or '\r' or '\n'))
                    {
                        k++;
                    }
                }

                value = CommonStrings.Get(text[vs..k]);
                i = k;
            }

            if (name.Length > 0 && count < items.Length)
            {
                items[count++] = new(name, value);
            }

            SipGrammar.SkipWhitespace(text, ref i);
            if (i < text.Length && text[i] != ';')
            {
                break;
            }
        }

        if (count != items.Length)
        {
            Array.Resize(ref items, count);
        }

        return new SipParameters(items);
    }
}
