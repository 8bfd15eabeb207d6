using System.Collections;
using System.Text;
using ContactCenter.Sip.Parsing;

namespace ContactCenter.Sip.Messages;

/// <summary>
/// The header lines of a SIP message, in order. Names are matched case-insensitively and compact forms are
/// understood (<c>"v"</c> finds <c>Via</c>). A line read from the wire keeps pointing at the received bytes until
/// its value is first asked for. Not thread-safe: a message belongs to one thread at a time.
/// </summary>
public sealed class SipHeaders : IReadOnlyList<SipHeader>
{
    internal struct Entry
    {
        public string Name;
        public int Start;
        public int Length;
        public string? Value;
        public bool Folded;

        /// <summary>Index into the known-header table, or -1.</summary>
        public sbyte Known;
    }

    private readonly ReadOnlyMemory<byte> _source;
    private Entry[] _entries;
    private int _count;

    /// <summary>Creates an empty header list.</summary>
    public SipHeaders()
    {
        _entries = new Entry[8];
    }

    internal SipHeaders(ReadOnlyMemory<byte> source, Entry[] entries, int count)
    {
        _source = source;
        _entries = entries;
        _count = count;
    }

    /// <summary>Changes on every mutation; typed views of a message cache against it.</summary>
    internal int Version { get; private set; }

    /// <summary>The number of header lines.</summary>
    public int Count => _count;

    /// <summary>The header line at <paramref name="index"/>.</summary>
    /// <param name="index">A position from 0 to <see cref="Count"/> - 1.</param>
    public SipHeader this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)_count, nameof(index));
            return new SipHeader(_entries[index].Name, ValueAt(index));
        }
    }

    /// <summary>The value of the first line named <paramref name="name"/>; <see langword="null"/> when there is none.</summary>
    /// <param name="name">A header name, any case, long or compact form.</param>
    public string? GetFirst(string name)
    {
        int i = IndexOf(name);
        return i >= 0 ? ValueAt(i) : null;
    }

    /// <summary>The values of every line named <paramref name="name"/>, one per line, in order.</summary>
    /// <param name="name">A header name, any case, long or compact form.</param>
    public IReadOnlyList<string> GetAll(string name)
    {
        string canonical = SipHeaderNames.Canonicalize(name);
        var list = new List<string>();
        for (int i = 0; i < _count; i++)
        {
            if (NameIs(i, canonical))
            {
                list.Add(ValueAt(i));
            }
        }

        return list;
    }

    /// <summary>
    /// Every value of the header, lines and comma-separated lists both split (<c>Allow: INVITE, ACK</c> gives two),
    /// respecting quoted strings and angle brackets; values are trimmed.
    /// </summary>
    /// <param name="name">A header name, any case, long or compact form.</param>
    public IReadOnlyList<string> GetValues(string name)
    {
        var list = new List<string>();
        foreach (string line in GetAll(name))
        {
            SplitList(line, list);
        }

        return list;
    }

    /// <summary>True when at least one line is named <paramref name="name"/>.</summary>
    /// <param name="name">A header name, any case, long or compact form.</param>
    public bool Contains(string name) => IndexOf(name) >= 0;

    /// <summary>The position of the first line named <paramref name="name"/> at or after <paramref name="startIndex"/>; -1 when none.</summary>
    /// <param name="name">A header name, any case, long or compact form.</param>
    /// <param name="startIndex">Where to start looking.</param>
    public int IndexOf(string name, int startIndex = 0)
    {
        string canonical = SipHeaderNames.Canonicalize(name);
        for (int i = startIndex; i < _count; i++)
        {
            if (NameIs(i, canonical))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Adds a line at the end.</summary>
    /// <param name="name">A header name (a token); known names are stored in canonical form.</param>
    /// <param name="value">The value, on one line.</param>
    public void Add(string name, string value) => Insert(_count, name, value);

    /// <summary>Inserts a line at <paramref name="index"/>.</summary>
    /// <param name="index">A position from 0 to <see cref="Count"/>.</param>
    /// <param name="name">A header name (a token).</param>
    /// <param name="value">The value, on one line.</param>
    public void Insert(int index, string name, string value)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)index, (uint)_count, nameof(index));
        string canonical = CheckName(name);
        CheckValue(value);
        if (_count == _entries.Length)
        {
            Array.Resize(ref _entries, Math.Max(8, _entries.Length * 2));
        }

        Array.Copy(_entries, index, _entries, index + 1, _count - index);
        _entries[index] = new Entry { Name = canonical, Value = value, Length = -1 };
        _count++;
        Version++;
    }

    /// <summary>
    /// Inserts a line before the first line of the same name, or adds it at the end when there is none: how a
    /// Via or Record-Route value goes on top.
    /// </summary>
    /// <param name="name">A header name.</param>
    /// <param name="value">The value.</param>
    public void Prepend(string name, string value)
    {
        int i = IndexOf(name);
        Insert(i >= 0 ? i : _count, name, value);
    }

    /// <summary>Replaces every line named <paramref name="name"/> by one line, where the first was (at the end when none).</summary>
    /// <param name="name">A header name.</param>
    /// <param name="value">The value.</param>
    public void Set(string name, string value)
    {
        int first = IndexOf(name);
        if (first < 0)
        {
            Add(name, value);
            return;
        }

        CheckValue(value);
        _entries[first] = new Entry { Name = _entries[first].Name, Value = value, Length = -1 };
        for (int i = _count - 1; i > first; i--)
        {
            if (NameIs(i, _entries[first].Name))
            {
                RemoveAt(i);
            }
        }

        Version++;
    }

    /// <summary>Replaces the value of the line at <paramref name="index"/>.</summary>
    /// <param name="index">A position from 0 to <see cref="Count"/> - 1.</param>
    /// <param name="value">The new value.</param>
    public void SetAt(int index, string value)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)_count, nameof(index));
        CheckValue(value);
        _entries[index] = new Entry { Name = _entries[index].Name, Value = value, Length = -1 };
        Version++;
    }

    /// <summary>Removes every line named <paramref name="name"/>; returns how many were removed.</summary>
    /// <param name="name">A header name.</param>
    public int Remove(string name)
    {
        string canonical = SipHeaderNames.Canonicalize(name);
        int removed = 0;
        for (int i = _count - 1; i >= 0; i--)
        {
            if (NameIs(i, canonical))
            {
                RemoveAt(i);
                removed++;
            }
        }

        return removed;
    }

    /// <summary>Removes the line at <paramref name="index"/>.</summary>
    /// <param name="index">A position from 0 to <see cref="Count"/> - 1.</param>
    public void RemoveAt(int index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)_count, nameof(index));
        _count--;
        Array.Copy(_entries, index + 1, _entries, index, _count - index);
        _entries[_count] = default;
        Version++;
    }

    /// <inheritdoc/>
    public IEnumerator<SipHeader> GetEnumerator()
    {
        for (int i = 0; i < _count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal string NameAt(int index) => _entries[index].Name;

    /// <summary>Adds a line copied from a received message, which may be malformed: line breaks become spaces.</summary>
    internal void AddCopied(string name, string value)
    {
        if (value.AsSpan().ContainsAny('\r', '\n'))
        {
            value = value.Replace('\r', ' ').Replace('\n', ' ');
        }

        if (_count == _entries.Length)
        {
            Array.Resize(ref _entries, Math.Max(8, _entries.Length * 2));
        }

        _entries[_count++] = new Entry { Name = name, Value = value, Length = -1, Known = -1 };
        Version++;
    }

    internal bool NameIs(int index, string canonical)
    {
        string n = _entries[index].Name;
        return ReferenceEquals(n, canonical) || string.Equals(n, canonical, StringComparison.OrdinalIgnoreCase);
    }

    internal string ValueAt(int index)
    {
        ref Entry e = ref _entries[index];
        return e.Value ??= Decode(_source.Span.Slice(e.Start, e.Length), e.Folded);
    }

    /// <summary>The received bytes of a line not yet decoded or changed, so a serializer can copy them as they are.</summary>
    internal bool TryGetRaw(int index, out ReadOnlySpan<byte> raw)
    {
        ref Entry e = ref _entries[index];
        if (e.Value is null && !e.Folded)
        {
            raw = _source.Span.Slice(e.Start, e.Length);
            return true;
        }

        raw = default;
        return false;
    }

    internal static string Decode(ReadOnlySpan<byte> raw, bool folded)
    {
        if (!folded)
        {
            return Encoding.UTF8.GetString(raw);
        }

        // Undo line folding (RFC 3261 §7.3.1): each CRLF with the whitespace around it becomes one SP.
        string s = Encoding.UTF8.GetString(raw);
        var sb = new StringBuilder(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c is '\r' or '\n')
            {
                while (sb.Length > 0 && sb[^1] is ' ' or '\t')
                {
                    sb.Length--;
                }

                while (i + 1 < s.Length && s[i + 1] is '\r' or '\n' or ' ' or '\t')
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

        // A value that starts on the next line leaves the SP of its fold in front.
        return sb.ToString().Trim(' ', '\t');
    }

    internal static void SplitList(string line, List<string> into)
    {
        int start = 0;
        bool quoted = false;
        bool angle = false;
        for (int i = 0; i <= line.Length; i++)
        {
            if (i == line.Length || (line[i] == ',' && !quoted && !angle))
            {
                string part = line[start..i].Trim();
                if (part.Length > 0)
                {
                    into.Add(part);
                }

                start = i + 1;
                continue;
            }

            char c = line[i];
            if (quoted && c == '\\')
            {
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c == '<')
            {
                angle = true;
            }
            else if (!quoted && c == '>')
            {
                angle = false;
            }
        }
    }

    private static string CheckName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!SipGrammar.IsToken(name.AsSpan()))
        {
            throw new ArgumentException($"'{name}' is not a valid header name.", nameof(name));
        }

        return SipHeaderNames.Canonicalize(name);
    }

    private static void CheckValue(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.AsSpan().ContainsAny('\r', '\n'))
        {
            throw new ArgumentException("A header value must be one line.", nameof(value));
        }
    }
}
