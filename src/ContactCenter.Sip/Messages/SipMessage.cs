using System.Buffers;
using System.Globalization;
using System.Text;
using ContactCenter.Sip.Parsing;

namespace ContactCenter.Sip.Messages;

/// <summary>
/// A SIP request or response: start line, <see cref="Headers"/> and <see cref="Body"/>. Typed properties read and
/// write the headers the stack works with; reads are parsed once and cached until the headers change. A message
/// is not thread-safe: hand it from thread to thread, do not share it.
/// </summary>
public abstract class SipMessage
{
    /// <summary>The only protocol version spoken: <c>SIP/2.0</c>.</summary>
    public const string Version = "SIP/2.0";

    private int _cacheVersion = -1;
    private List<SipVia>? _vias;
    private SipNameAddress? _from;
    private SipNameAddress? _to;
    private SipCSeq? _cseq;
    private List<SipNameAddress>? _contacts;
    private List<SipNameAddress>? _routes;
    private List<SipNameAddress>? _recordRoutes;

    private protected SipMessage(SipHeaders headers, ReadOnlyMemory<byte> body)
    {
        Headers = headers;
        Body = body;
    }

    /// <summary>The header lines, in order.</summary>
    public SipHeaders Headers { get; }

    /// <summary>The body (empty when none). For a parsed message it is a slice of the received bytes.</summary>
    public ReadOnlyMemory<byte> Body { get; set; }

    /// <summary>True for a <see cref="SipRequest"/>.</summary>
    public abstract bool IsRequest { get; }

    /// <summary>Every Via value, top first, across lines and comma lists.</summary>
    /// <exception cref="FormatException">A Via value set by hand is invalid (parsed messages are checked).</exception>
    public IReadOnlyList<SipVia> Vias
    {
        get
        {
            Refresh();
            if (_vias is null)
            {
                var list = new List<SipVia>(2);
                for (int i = 0; i < Headers.Count; i++)
                {
                    if (Headers.NameIs(i, SipHeaderNames.Via) && !SipVia.TryParseList(Headers.ValueAt(i), list))
                    {
                        throw new FormatException($"Invalid Via header: '{Headers.ValueAt(i)}'.");
                    }
                }

                _vias = list;
            }

            return _vias;
        }
    }

    /// <summary>The top Via value; <see langword="null"/> when the message has none.</summary>
    public SipVia? TopVia => Vias.Count > 0 ? Vias[0] : null;

    /// <summary>Puts a Via value on top (a new first Via line).</summary>
    /// <param name="via">The value.</param>
    public void PushVia(SipVia via)
    {
        ArgumentNullException.ThrowIfNull(via);
        Headers.Prepend(SipHeaderNames.Via, via.ToString());
    }

    /// <summary>Replaces the top Via value (e.g. to add <c>received</c>/<c>rport</c>), keeping the others.</summary>
    /// <param name="via">The new top value.</param>
    /// <exception cref="InvalidOperationException">The message has no Via.</exception>
    public void ReplaceTopVia(SipVia via)
    {
        ArgumentNullException.ThrowIfNull(via);
        RemoveTopVia();
        PushVia(via);
    }

    /// <summary>Removes the top Via value (what a proxy or UAC does to a response); returns it.</summary>
    /// <exception cref="InvalidOperationException">The message has no Via.</exception>
    public SipVia RemoveTopVia()
    {
        int line = Headers.IndexOf(SipHeaderNames.Via);
        if (line < 0)
        {
            throw new InvalidOperationException("The message has no Via.");
        }

        var values = new List<SipVia>(2);
        if (!SipVia.TryParseList(Headers.ValueAt(line), values))
        {
            throw new FormatException($"Invalid Via header: '{Headers.ValueAt(line)}'.");
        }

        if (values.Count == 1)
        {
            Headers.RemoveAt(line);
        }
        else
        {
            Headers.SetAt(line, string.Join(", ", values.Skip(1)));
        }

        return values[0];
    }

    /// <summary>The From address.</summary>
    /// <exception cref="InvalidOperationException">The header is missing (parsed messages always have it).</exception>
    public SipNameAddress From
    {
        get
        {
            Refresh();
            return _from ??= ReadAddress(SipHeaderNames.From);
        }

        set => Headers.Set(SipHeaderNames.From, Checked(value).ToString());
    }

    /// <summary>The To address.</summary>
    /// <exception cref="InvalidOperationException">The header is missing (parsed messages always have it).</exception>
    public SipNameAddress To
    {
        get
        {
            Refresh();
            return _to ??= ReadAddress(SipHeaderNames.To);
        }

        set => Headers.Set(SipHeaderNames.To, Checked(value).ToString());
    }

    /// <summary>The Call-ID.</summary>
    /// <exception cref="InvalidOperationException">The header is missing (parsed messages always have it).</exception>
    public string CallId
    {
        get => Headers.GetFirst(SipHeaderNames.CallId) ?? throw Missing(SipHeaderNames.CallId);
        set => Headers.Set(SipHeaderNames.CallId, Checked(value));
    }

    /// <summary>The CSeq number and method.</summary>
    /// <exception cref="InvalidOperationException">The header is missing (parsed messages always have it).</exception>
    public SipCSeq CSeq
    {
        get
        {
            Refresh();
            if (_cseq is null)
            {
                string text = Headers.GetFirst(SipHeaderNames.CSeq) ?? throw Missing(SipHeaderNames.CSeq);
                _cseq = SipCSeq.TryParse(text, out SipCSeq c) ? c : throw new FormatException($"Invalid CSeq: '{text}'.");
            }

            return _cseq.Value;
        }

        set => Headers.Set(SipHeaderNames.CSeq, value.ToString());
    }

    /// <summary>The Contact addresses (empty when none, and for the wildcard <c>*</c>).</summary>
    public IReadOnlyList<SipNameAddress> Contacts
    {
        get
        {
            Refresh();
            return _contacts ??= ReadAddressList(SipHeaderNames.Contact);
        }
    }

    /// <summary>True when the Contact is the wildcard <c>*</c> (a REGISTER removing every binding).</summary>
    public bool IsContactWildcard => Headers.GetFirst(SipHeaderNames.Contact) is { } c && c.Trim() == "*";

    /// <summary>The Route addresses, top first.</summary>
    public IReadOnlyList<SipNameAddress> Routes
    {
        get
        {
            Refresh();
            return _routes ??= ReadAddressList(SipHeaderNames.Route);
        }
    }

    /// <summary>The Record-Route addresses, top first.</summary>
    public IReadOnlyList<SipNameAddress> RecordRoutes
    {
        get
        {
            Refresh();
            return _recordRoutes ??= ReadAddressList(SipHeaderNames.RecordRoute);
        }
    }

    /// <summary>Max-Forwards; <see langword="null"/> when absent. Setting <see langword="null"/> removes it.</summary>
    public int? MaxForwards
    {
        get => int.TryParse(Headers.GetFirst(SipHeaderNames.MaxForwards), NumberStyles.None, CultureInfo.InvariantCulture, out int v) ? v : null;
        set
        {
            if (value is int v)
            {
                ArgumentOutOfRangeException.ThrowIfNegative(v);
                ArgumentOutOfRangeException.ThrowIfGreaterThan(v, 255);
                Headers.Set(SipHeaderNames.MaxForwards, v.ToString(CultureInfo.InvariantCulture));
            }
            else
            {
                Headers.Remove(SipHeaderNames.MaxForwards);
            }
        }
    }

    /// <summary>The Content-Type (e.g. <c>application/sdp</c>); <see langword="null"/> when absent. Setting <see langword="null"/> removes it.</summary>
    public string? ContentType
    {
        get => Headers.GetFirst(SipHeaderNames.ContentType);
        set
        {
            if (value is null)
            {
                Headers.Remove(SipHeaderNames.ContentType);
            }
            else
            {
                Headers.Set(SipHeaderNames.ContentType, value);
            }
        }
    }

    /// <summary>The length of <see cref="Body"/> in bytes: what the serializer writes as Content-Length.</summary>
    public int ContentLength => Body.Length;

    /// <summary>Sets the body and its Content-Type together.</summary>
    /// <param name="contentType">The media type, e.g. <c>application/sdp</c>.</param>
    /// <param name="body">The body bytes.</param>
    public void SetBody(string contentType, ReadOnlyMemory<byte> body)
    {
        ContentType = contentType;
        Body = body;
    }

    /// <summary>The number of bytes <see cref="WriteTo(Span{byte})"/> writes.</summary>
    public int GetByteCount()
    {
        int n = StartLineByteCount() + 2;
        for (int i = 0; i < Headers.Count; i++)
        {
            if (Headers.NameIs(i, SipHeaderNames.ContentLength))
            {
                continue;
            }

            n += Headers.NameAt(i).Length + 2 + 2;
            n += Headers.TryGetRaw(i, out ReadOnlySpan<byte> raw) ? raw.Length : Encoding.UTF8.GetByteCount(Headers.ValueAt(i));
        }

        n += SipHeaderNames.ContentLength.Length + 2 + CountDigits(Body.Length) + 2 + 2;
        return n + Body.Length;
    }

    /// <summary>
    /// Writes the message in wire form into <paramref name="destination"/>: start line, headers (known names in
    /// canonical form, values unfolded), a Content-Length equal to the body length (replacing any present), blank
    /// line, body. Returns the number of bytes written.
    /// </summary>
    /// <param name="destination">At least <see cref="GetByteCount"/> bytes.</param>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too small.</exception>
    public int WriteTo(Span<byte> destination)
    {
        int total = GetByteCount();
        if (destination.Length < total)
        {
            throw new ArgumentException("The destination is too small.", nameof(destination));
        }

        int p = WriteStartLine(destination);
        p += Crlf(destination[p..]);
        for (int i = 0; i < Headers.Count; i++)
        {
            if (Headers.NameIs(i, SipHeaderNames.ContentLength))
            {
                continue;
            }

            p += Encoding.ASCII.GetBytes(Headers.NameAt(i), destination[p..]);
            destination[p++] = (byte)':';
            destination[p++] = (byte)' ';
            if (Headers.TryGetRaw(i, out ReadOnlySpan<byte> raw))
            {
                raw.CopyTo(destination[p..]);
                p += raw.Length;
            }
            else
            {
                p += Encoding.UTF8.GetBytes(Headers.ValueAt(i), destination[p..]);
            }

            p += Crlf(destination[p..]);
        }

        p += Encoding.ASCII.GetBytes(SipHeaderNames.ContentLength, destination[p..]);
        destination[p++] = (byte)':';
        destination[p++] = (byte)' ';
        Body.Length.TryFormat(destination[p..], out int digits, default, CultureInfo.InvariantCulture);
        p += digits;
        p += Crlf(destination[p..]);
        p += Crlf(destination[p..]);
        Body.Span.CopyTo(destination[p..]);
        return p + Body.Length;
    }

    /// <summary>Writes the message in wire form to <paramref name="writer"/> (see <see cref="WriteTo(Span{byte})"/>).</summary>
    /// <param name="writer">The destination.</param>
    public void WriteTo(IBufferWriter<byte> writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        int n = GetByteCount();
        writer.Advance(WriteTo(writer.GetSpan(n)));
    }

    /// <summary>The message in wire form as a new array (see <see cref="WriteTo(Span{byte})"/>).</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[GetByteCount()];
        WriteTo(bytes);
        return bytes;
    }

    /// <summary>The message in wire form as text (the body decoded as UTF-8), for logs and tests.</summary>
    public override string ToString() => Encoding.UTF8.GetString(ToBytes());

    private protected abstract int StartLineByteCount();

    private protected abstract int WriteStartLine(Span<byte> destination);

    private static int Crlf(Span<byte> destination)
    {
        destination[0] = (byte)'\r';
        destination[1] = (byte)'\n';
        return 2;
    }

    private static int CountDigits(int value)
    {
        int digits = 1;
        while (value >= 10)
        {
            value /= 10;
            digits++;
        }

        return digits;
    }

    private void Refresh()
    {
        if (_cacheVersion != Headers.Version)
        {
            _vias = null;
            _from = _to = null;
            _cseq = null;
            _contacts = _routes = _recordRoutes = null;
            _cacheVersion = Headers.Version;
        }
    }

    private SipNameAddress ReadAddress(string name)
    {
        string text = Headers.GetFirst(name) ?? throw Missing(name);
        return SipNameAddress.TryParse(text.Trim(), out SipNameAddress? a) ? a : throw new FormatException($"Invalid {name}: '{text}'.");
    }

    private List<SipNameAddress> ReadAddressList(string name)
    {
        var list = new List<SipNameAddress>();
        for (int line = 0; line < Headers.Count; line++)
        {
            if (!Headers.NameIs(line, name))
            {
                continue;
            }

            string text = Headers.ValueAt(line);
            if (text.Trim() == "*")
            {
                continue;
            }

            int i = 0;
            bool more;
            do
            {
                if (!SipGrammar.TryParseNameAddr(text.AsSpan(), ref i, allowAddrSpec: true, out NameAddrParts parts)
                    || !SipGrammar.NextListElement(text.AsSpan(), ref i, out more))
                {
                    throw new FormatException($"Invalid {name}: '{text}'.");
                }

                list.Add(SipNameAddress.FromParts(text, parts));
            }
            while (more);
        }

        return list;
    }

    private static InvalidOperationException Missing(string name) => new($"The message has no {name} header.");

    private static T Checked<T>(T value)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(value);
        return value;
    }
}
