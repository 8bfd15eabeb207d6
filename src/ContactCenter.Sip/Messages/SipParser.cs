using ContactCenter.Sip.Parsing;

namespace ContactCenter.Sip.Messages;

/// <summary>
/// Parses one SIP message (a UDP datagram, or a message cut from a stream by <see cref="SipStreamFramer"/>)
/// under the RFC 3261 grammar. The start line and the headers the stack relies on (Via, From, To, Call-ID,
/// CSeq, Max-Forwards, Content-Length, Content-Type, Contact, Route, Record-Route, Date, Expires) are checked in
/// full without allocating; other values are kept as received and decoded when first read. Errors come back as
/// a <see cref="SipParseResult"/>, never as exceptions. Thread-safe.
/// </summary>
public static class SipParser
{
    // Indices into the known-header table of SipHeaderNames.
    private const int ViaIndex = 0;
    private const int FromIndex = 1;
    private const int ToIndex = 2;
    private const int CallIdIndex = 3;
    private const int CSeqIndex = 4;
    private const int ContentLengthIndex = 7;
    private const ulong Mandatory = 1UL << ViaIndex | 1UL << FromIndex | 1UL << ToIndex | 1UL << CallIdIndex | 1UL << CSeqIndex;

    /// <summary>
    /// Parses a copy of <paramref name="data"/>, so the caller may reuse its buffer (a pooled receive buffer)
    /// as soon as this returns. Bytes after the Content-Length of the body are ignored.
    /// </summary>
    /// <param name="data">One whole message.</param>
    /// <param name="options">Limits; <see cref="SipParserOptions.Default"/> when <see langword="null"/>.</param>
    public static SipParseResult Parse(ReadOnlySpan<byte> data, SipParserOptions? options = null) =>
        ParseCore(data.ToArray(), options ?? SipParserOptions.Default);

    /// <summary>
    /// Parses <paramref name="data"/> in place without copying it: the message refers to these bytes, so the
    /// caller must leave them unchanged for as long as the message is in use.
    /// </summary>
    /// <param name="data">One whole message.</param>
    /// <param name="options">Limits; <see cref="SipParserOptions.Default"/> when <see langword="null"/>.</param>
    public static SipParseResult Parse(ReadOnlyMemory<byte> data, SipParserOptions? options = null) =>
        ParseCore(data, options ?? SipParserOptions.Default);

    private static SipParseResult ParseCore(ReadOnlyMemory<byte> memory, SipParserOptions options)
    {
        ReadOnlySpan<byte> s = memory.Span;
        int i = 0;

        // RFC 3261 §7.5: CRLFs before the start line are ignored (keep-alives).
        while (i < s.Length && s[i] is (byte)'\r' or (byte)'\n')
        {
            i++;
        }

        if (i == s.Length)
        {
            return SipParseResult.Failure(0, "Empty message.", null);
        }

        int lf = s[i..].IndexOf((byte)'\n');
        if (lf < 0)
        {
            return SipParseResult.Failure(LooksLikeResponse(s[i..]) ? 0 : 400, "No line end after the start line.", null);
        }

        ReadOnlySpan<byte> line = TrimCr(s.Slice(i, lf));
        int lineStart = i;
        int pos = i + lf + 1;
        bool isResponse = LooksLikeResponse(line);
        int status = 0;
        string? error = null;
        string? method = null;
        Segment uri = Segment.None;
        int statusCode = 0;
        string? reason = null;

        if (isResponse)
        {
            error = ParseStatusLine(line, out statusCode, out reason);
        }
        else
        {
            (status, error) = ParseRequestLine(line, lineStart, out method, out uri);
        }

        // Header lines. Count the line ends up to the blank line to size the table once.
        int headerEnd = s[pos..].IndexOf("\r\n\r\n"u8);
        int maxLines = (headerEnd >= 0 ? s.Slice(pos, headerEnd + 2) : s[pos..]).Count((byte)'\n') + 1;
        var entries = new SipHeaders.Entry[maxLines];
        int count = 0;
        int bodyStart = -1;
        while (pos < s.Length)
        {
            int end = s[pos..].IndexOf((byte)'\n');
            if (end < 0)
            {
                break;
            }

            end += pos;
            int contentEnd = end > pos && s[end - 1] == '\r' ? end - 1 : end;
            if (contentEnd == pos)
            {
                bodyStart = end + 1;
                break;
            }

            if (s[pos..contentEnd].Contains((byte)'\r'))
            {
                SetError(ref status, ref error, 400, "A header line holds a bare CR.");
            }

            if (s[pos] is (byte)' ' or (byte)'\t')
            {
                // A folded continuation of the previous header (RFC 3261 §7.3.1).
                if (count == 0)
                {
                    SetError(ref status, ref error, 400, "A header line starts with whitespace.");
                }
                else
                {
                    ref SipHeaders.Entry previous = ref entries[count - 1];
                    previous.Length = contentEnd - previous.Start;
                    previous.Folded = true;
                }
            }
            else if (!AddHeader(s, pos, contentEnd, ref entries, ref count))
            {
                SetError(ref status, ref error, 400, "A header line is not 'name: value'.");
            }

            pos = end + 1;
        }

        if (bodyStart < 0)
        {
            SetError(ref status, ref error, 400, "The headers do not end with an empty line.");
            bodyStart = s.Length;
        }

        // Check the known headers' values; note single-valued headers seen twice and mandatory ones missing.
        ulong seen = 0;
        long contentLength = -1;
        for (int h = 0; h < count; h++)
        {
            ref SipHeaders.Entry e = ref entries[h];
            ReadOnlySpan<byte> value = TrimEnd(s.Slice(e.Start, e.Length));
            e.Length = value.Length;
            if (e.Known < 0)
            {
                continue;
            }

            SipHeaderNames.Known known = SipHeaderNames.At(e.Known);
            ulong bit = 1UL << e.Known;
            if (known.SingleValued && (seen & bit) != 0)
            {
                SetError(ref status, ref error, 400, "More than one " + known.Name + " header.");
            }

            seen |= bit;
            if (!SipGrammar.IsValidValue(known.Kind, value))
            {
                SetError(ref status, ref error, 400, "Invalid " + known.Name + " header.");
                continue;
            }

            if (e.Known == ContentLengthIndex)
            {
                SipGrammar.TryParseNumber(value, int.MaxValue, out contentLength);
            }
            else if (e.Known == CSeqIndex && method is not null)
            {
                SipGrammar.TryParseCSeq(value, out _, out Segment m);
                if (!value.Slice(m.Start, m.Length).SequenceEqual(s.Slice(lineStart, method.Length)))
                {
                    SetError(ref status, ref error, 400, "The CSeq method does not match the request method.");
                }
            }
        }

        if ((seen & Mandatory) != Mandatory)
        {
            SetError(ref status, ref error, 400, "Missing one of Via, From, To, Call-ID, CSeq.");
        }

        ReadOnlyMemory<byte> body;
        if (contentLength >= 0)
        {
            if (bodyStart + contentLength > s.Length)
            {
                SetError(ref status, ref error, 400, "Content-Length is larger than the message.");
                body = memory[bodyStart..];
            }
            else
            {
                body = memory.Slice(bodyStart, (int)contentLength);
            }
        }
        else
        {
            body = memory[bodyStart..];
        }

        if (error is null && bodyStart + body.Length > options.MaxMessageSize)
        {
            SetError(ref status, ref error, 513, "The message is larger than " + options.MaxMessageSize + " bytes.");
        }

        var headers = new SipHeaders(memory, entries, count);
        if (isResponse)
        {
            return error is null
                ? SipParseResult.Success(new SipResponse(statusCode, reason!, headers, body))
                : SipParseResult.Failure(0, error, null);
        }

        if (error is null)
        {
            return SipParseResult.Success(new SipRequest(method!, memory.Slice(uri.Start, uri.Length), headers, body));
        }

        SipRequest? rejected = method is null ? null : new SipRequest(method, memory.Slice(uri.Start, Math.Max(0, uri.Length)), headers, body);
        return SipParseResult.Failure(status == 0 ? 400 : status, error, rejected);
    }

    private static bool LooksLikeResponse(ReadOnlySpan<byte> line) =>
        line.Length >= 4 && (line[0] | 0x20) == 's' && (line[1] | 0x20) == 'i' && (line[2] | 0x20) == 'p' && line[3] == '/';

    private static void SetError(ref int status, ref string? error, int code, string text)
    {
        // The first problem found is the one reported.
        if (error is null)
        {
            status = code;
            error = text;
        }
    }

    private static string? ParseStatusLine(ReadOnlySpan<byte> line, out int statusCode, out string? reason)
    {
        statusCode = 0;
        reason = null;
        int sp = line.IndexOf((byte)' ');
        if (sp < 0 || !IsSip20(line[..sp]))
        {
            return "The status line does not start with SIP/2.0.";
        }

        ReadOnlySpan<byte> rest = line[(sp + 1)..];
        if (rest.Length < 3 || !SipChars.IsDigit(rest[0]) || !SipChars.IsDigit(rest[1]) || !SipChars.IsDigit(rest[2])
            || (rest.Length > 3 && rest[3] != ' '))
        {
            return "The status code is not three digits.";
        }

        statusCode = (rest[0] - '0') * 100 + (rest[1] - '0') * 10 + (rest[2] - '0');
        if (statusCode is < 100 or > 699)
        {
            return "The status code is out of range.";
        }

        ReadOnlySpan<byte> phrase = rest.Length > 4 ? rest[4..] : default;
        foreach (byte b in phrase)
        {
            if (b < 0x20 && b != '\t' || b == 0x7F)
            {
                return "The reason phrase holds a control character.";
            }
        }

        string standard = SipResponse.GetReasonPhrase(statusCode);
        reason = System.Text.Ascii.Equals(phrase, standard) ? standard : System.Text.Encoding.UTF8.GetString(phrase);
        return null;
    }

    private static (int Status, string? Error) ParseRequestLine(ReadOnlySpan<byte> line, int lineStart, out string? method, out Segment uri)
    {
        method = null;
        uri = Segment.None;
        int sp1 = line.IndexOf((byte)' ');
        if (sp1 <= 0 || !SipGrammar.IsToken(line[..sp1]))
        {
            return (400, "The request line does not start with a method.");
        }

        method = SipMethods.Intern(line[..sp1]);
        ReadOnlySpan<byte> rest = line[(sp1 + 1)..];
        int sp2 = rest.IndexOf((byte)' ');
        if (sp2 < 0)
        {
            return (400, "The request line is not 'Method SP Request-URI SP SIP-Version'.");
        }

        uri = new Segment(lineStart + sp1 + 1, sp2);
        ReadOnlySpan<byte> version = rest[(sp2 + 1)..];
        if (!IsVersionSyntax(version))
        {
            return (400, "The request line is not 'Method SP Request-URI SP SIP-Version'.");
        }

        if (!IsSip20(version))
        {
            return (505, "Only SIP/2.0 is supported.");
        }

        if (!SipGrammar.TryParseUri(rest[..sp2], out UriParts parts))
        {
            return (400, "The Request-URI is invalid.");
        }

        if (parts.Headers.IsPresent)
        {
            // RFC 3261 §19.1.1: headers are not allowed in a Request-URI.
            return (400, "The Request-URI holds headers.");
        }

        return (0, null);
    }

    private static bool IsSip20(ReadOnlySpan<byte> v) => v.Length == 7 && IsVersionSyntax(v) && v[4] == '2' && v[5] == '.' && v[6] == '0';

    private static bool IsVersionSyntax(ReadOnlySpan<byte> v)
    {
        if (!LooksLikeResponse(v))
        {
            return false;
        }

        int dot = v.IndexOf((byte)'.');
        if (dot <= 4 || dot == v.Length - 1)
        {
            return false;
        }

        for (int i = 4; i < v.Length; i++)
        {
            if (i != dot && !SipChars.IsDigit(v[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool AddHeader(ReadOnlySpan<byte> s, int start, int end, ref SipHeaders.Entry[] entries, ref int count)
    {
        ReadOnlySpan<byte> line = s[start..end];
        int colon = line.IndexOf((byte)':');
        if (colon <= 0)
        {
            return false;
        }

        // HCOLON = *( SP / HTAB ) ":" SWS
        ReadOnlySpan<byte> name = line[..colon].TrimEnd(" \t"u8);
        if (!SipGrammar.IsToken(name))
        {
            return false;
        }

        int vs = colon + 1;
        while (vs < line.Length && line[vs] is (byte)' ' or (byte)'\t')
        {
            vs++;
        }

        int known = SipHeaderNames.Find(name);
        if (count == entries.Length)
        {
            Array.Resize(ref entries, count * 2);
        }

        entries[count++] = new SipHeaders.Entry
        {
            Name = known >= 0 ? SipHeaderNames.At(known).Name : System.Text.Encoding.ASCII.GetString(name),
            Start = start + vs,
            Length = line.Length - vs,
            Known = (sbyte)known,
        };
        return true;
    }

    private static ReadOnlySpan<byte> TrimCr(ReadOnlySpan<byte> line) => line.Length > 0 && line[^1] == '\r' ? line[..^1] : line;

    private static ReadOnlySpan<byte> TrimEnd(ReadOnlySpan<byte> value) => value.TrimEnd(" \t\r\n"u8);
}
