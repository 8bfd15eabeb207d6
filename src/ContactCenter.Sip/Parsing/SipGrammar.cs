using System.Numerics;

namespace ContactCenter.Sip.Parsing;

/// <summary>
/// Recognisers for the RFC 3261 §25 grammar. Each works on bytes (the wire) and on chars (strings) alike and
/// reports where the parts lie instead of allocating them, so the parser can check a whole message without
/// allocating and the typed header classes can build themselves from the same walk over a string.
/// </summary>
internal static class SipGrammar
{
    public const long MaxCSeq = uint.MaxValue; // RFC 3261 §8.1.1.5: a 32-bit unsigned integer.

    private static int At<T>(ReadOnlySpan<T> s, int i)
        where T : unmanaged, IBinaryInteger<T> => int.CreateTruncating(s[i]);

    public static void SkipWhitespace<T>(ReadOnlySpan<T> s, ref int i)
        where T : unmanaged, IBinaryInteger<T>
    {
        while (i < s.Length && SipChars.IsWhitespace(At(s, i)))
        {
            i++;
        }
    }

    public static bool EqualsIgnoreCase<T>(ReadOnlySpan<T> s, string ascii)
        where T : unmanaged, IBinaryInteger<T>
    {
        if (s.Length != ascii.Length)
        {
            return false;
        }

        for (int i = 0; i < s.Length; i++)
        {
            int a = At(s, i);
            int b = ascii[i];
            if (a == b)
            {
                continue;
            }

            int lower = a | 0x20;
            if (a >= 128 || lower != (b | 0x20) || lower is < 'a' or > 'z')
            {
                return false;
            }
        }

        return true;
    }

    public static int IndexOf<T>(ReadOnlySpan<T> s, int from, char c)
        where T : unmanaged, IBinaryInteger<T>
    {
        for (int i = from; i < s.Length; i++)
        {
            if (At(s, i) == c)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Reads 1*token-char at <paramref name="i"/>; returns its length (0 when there is none).</summary>
    public static int ReadToken<T>(ReadOnlySpan<T> s, ref int i)
        where T : unmanaged, IBinaryInteger<T>
    {
        int start = i;
        while (i < s.Length && SipChars.Is(At(s, i), SipChars.Token))
        {
            i++;
        }

        return i - start;
    }

    public static bool IsToken<T>(ReadOnlySpan<T> s)
        where T : unmanaged, IBinaryInteger<T>
    {
        int i = 0;
        return ReadToken(s, ref i) > 0 && i == s.Length;
    }

    /// <summary>Skips a quoted-string starting at the DQUOTE at <paramref name="i"/>.</summary>
    public static bool SkipQuotedString<T>(ReadOnlySpan<T> s, ref int i)
        where T : unmanaged, IBinaryInteger<T>
    {
        if (i >= s.Length || At(s, i) != '"')
        {
            return false;
        }

        i++;
        while (i < s.Length)
        {
            int c = At(s, i);
            if (c == '"')
            {
                i++;
                return true;
            }

            if (c == '\\')
            {
                i++;
                if (i >= s.Length)
                {
                    return false;
                }

                int q = At(s, i);
                if (q is '\r' or '\n' || q > 0x7F)
                {
                    return false;
                }

                i++;
                continue;
            }

            if ((c < 0x20 && c is not ('\t' or '\r' or '\n')) || c == 0x7F)
            {
                return false;
            }

            i++;
        }

        return false;
    }

    private static bool SkipEscaped<T>(ReadOnlySpan<T> s, ref int i)
        where T : unmanaged, IBinaryInteger<T>
    {
        if (i + 2 < s.Length && SipChars.Is(At(s, i + 1), SipChars.Hex) && SipChars.Is(At(s, i + 2), SipChars.Hex))
        {
            i += 3;
            return true;
        }

        return false;
    }

    /// <summary>Skips 1*(class / escaped); false when empty or a '%' is not followed by two hex digits.</summary>
    private static bool SkipRun<T>(ReadOnlySpan<T> s, ref int i, ushort classes, bool allowEmpty = false)
        where T : unmanaged, IBinaryInteger<T>
    {
        int start = i;
        while (i < s.Length)
        {
            int c = At(s, i);
            if (c == '%')
            {
                if (!SkipEscaped(s, ref i))
                {
                    return false;
                }
            }
            else if (SipChars.Is(c, classes))
            {
                i++;
            }
            else
            {
                break;
            }
        }

        return allowEmpty || i > start;
    }

    /// <summary>Parses host [":" port] at <paramref name="i"/> (no whitespace inside).</summary>
    private static bool ReadHost<T>(ReadOnlySpan<T> s, ref int i, out Segment host)
        where T : unmanaged, IBinaryInteger<T>
    {
        int start = i;
        host = Segment.None;
        if (i < s.Length && At(s, i) == '[')
        {
            i++;
            while (i < s.Length && (SipChars.Is(At(s, i), SipChars.Hex) || At(s, i) is ':' or '.'))
            {
                i++;
            }

            if (i >= s.Length || At(s, i) != ']' || i == start + 1)
            {
                return false;
            }

            i++;
        }
        else
        {
            while (i < s.Length && SipChars.Is(At(s, i), SipChars.HostChar))
            {
                i++;
            }

            if (i == start || At(s, start) is '.' or '-')
            {
                return false;
            }
        }

        host = new Segment(start, i - start);
        return true;
    }

    /// <summary>True when the whole of <paramref name="s"/> is a host: hostname, IPv4 address or bracketed IPv6 reference.</summary>
    public static bool IsHost<T>(ReadOnlySpan<T> s)
        where T : unmanaged, IBinaryInteger<T>
    {
        int i = 0;
        return ReadHost(s, ref i, out _) && i == s.Length;
    }

    private static bool ReadPort<T>(ReadOnlySpan<T> s, ref int i, out int port)
        where T : unmanaged, IBinaryInteger<T>
    {
        port = 0;
        int start = i;
        while (i < s.Length && SipChars.IsDigit(At(s, i)))
        {
            port = port * 10 + (At(s, i) - '0');
            i++;
            if (port > 65535)
            {
                return false;
            }
        }

        return i > start;
    }

    /// <summary>Parses exactly <paramref name="s"/> as a SIP, SIPS or other absolute URI.</summary>
    public static bool TryParseUri<T>(ReadOnlySpan<T> s, out UriParts p)
        where T : unmanaged, IBinaryInteger<T>
    {
        p = default;
        p.Port = -1;
        p.User = p.Password = p.Parameters = p.Headers = p.Host = Segment.None;
        int n = s.Length;
        if (n == 0 || !SipChars.Is(At(s, 0), SipChars.Alnum) || SipChars.IsDigit(At(s, 0)))
        {
            return false;
        }

        int i = 0;
        while (i < n && SipChars.Is(At(s, i), SipChars.SchemeChar))
        {
            i++;
        }

        if (i >= n || At(s, i) != ':')
        {
            return false;
        }

        p.Scheme = new Segment(0, i);
        bool sip = EqualsIgnoreCase(s[..i], "sip");
        bool sips = !sip && EqualsIgnoreCase(s[..i], "sips");
        i++;
        if (!sip && !sips)
        {
            // absoluteURI (RFC 2396): only checked for characters a URI can never hold.
            if (i >= n)
            {
                return false;
            }

            for (; i < n; i++)
            {
                int c = At(s, i);
                if (c <= ' ' || c >= 127 || c is '<' or '>' or '"')
                {
                    return false;
                }
            }

            return true;
        }

        p.IsSip = true;
        p.IsSecure = sips;
        int at = IndexOf(s, i, '@');
        if (at >= 0)
        {
            int colon = IndexOf(s[..at], i, ':');
            int userEnd = colon >= 0 ? colon : at;
            int j = i;
            if (!SkipRun(s[..userEnd], ref j, SipChars.Unreserved | SipChars.UserUnreserved) || j != userEnd)
            {
                return false;
            }

            p.User = new Segment(i, userEnd - i);
            if (colon >= 0)
            {
                j = colon + 1;
                if (!SkipRun(s[..at], ref j, SipChars.Unreserved | SipChars.PasswordExtra, allowEmpty: true) || j != at)
                {
                    return false;
                }

                p.Password = new Segment(colon + 1, at - colon - 1);
            }

            i = at + 1;
        }

        if (!ReadHost(s, ref i, out p.Host))
        {
            return false;
        }

        if (i < n && At(s, i) == ':')
        {
            i++;
            if (!ReadPort(s, ref i, out p.Port))
            {
                return false;
            }
        }

        if (i < n && At(s, i) == ';')
        {
            int start = i + 1;
            while (i < n && At(s, i) == ';')
            {
                i++;
                if (!SkipRun(s, ref i, SipChars.Unreserved | SipChars.ParamUnreserved))
                {
                    return false;
                }

                if (i < n && At(s, i) == '=')
                {
                    i++;
                    if (!SkipRun(s, ref i, SipChars.Unreserved | SipChars.ParamUnreserved))
                    {
                        return false;
                    }
                }
            }

            p.Parameters = new Segment(start, i - start);
        }

        if (i < n && At(s, i) == '?')
        {
            int start = i + 1;
            do
            {
                i++;
                if (!SkipRun(s, ref i, SipChars.Unreserved | SipChars.HnvUnreserved))
                {
                    return false;
                }

                if (i >= n || At(s, i) != '=')
                {
                    return false;
                }

                i++;
                if (!SkipRun(s, ref i, SipChars.Unreserved | SipChars.HnvUnreserved, allowEmpty: true))
                {
                    return false;
                }
            }
            while (i < n && At(s, i) == '&');

            p.Headers = new Segment(start, i - start);
        }

        return i == n;
    }

    /// <summary>
    /// Skips *( SEMI generic-param ) from <paramref name="i"/>; <paramref name="parameters"/> covers them without
    /// the first ';'. Stops before whatever follows (a comma, the end).
    /// </summary>
    public static bool SkipGenericParameters<T>(ReadOnlySpan<T> s, ref int i, out Segment parameters)
        where T : unmanaged, IBinaryInteger<T>
    {
        int start = -1;
        while (true)
        {
            int j = i;
            SkipWhitespace(s, ref j);
            if (j >= s.Length || At(s, j) != ';')
            {
                break;
            }

            if (start < 0)
            {
                start = j + 1;
            }

            j++;
            SkipWhitespace(s, ref j);
            if (ReadToken(s, ref j) == 0)
            {
                parameters = Segment.None;
                return false;
            }

            int k = j;
            SkipWhitespace(s, ref k);
            if (k < s.Length && At(s, k) == '=')
            {
                k++;
                SkipWhitespace(s, ref k);
                if (k >= s.Length)
                {
                    parameters = Segment.None;
                    return false;
                }

                int c = At(s, k);
                if (c == '"')
                {
                    if (!SkipQuotedString(s, ref k))
                    {
                        parameters = Segment.None;
                        return false;
                    }
                }
                else if (c == '[')
                {
                    if (!ReadHost(s, ref k, out _))
                    {
                        parameters = Segment.None;
                        return false;
                    }
                }
                else if (!SkipTokenOrIPv6(s, ref k))
                {
                    parameters = Segment.None;
                    return false;
                }

                j = k;
            }

            i = j;
        }

        parameters = start < 0 ? Segment.None : new Segment(start, i - start);
        return true;
    }

    /// <summary>gen-value = token / host: a token, or an IPv6 address written without brackets (Via received, RFC 5118).</summary>
    private static bool SkipTokenOrIPv6<T>(ReadOnlySpan<T> s, ref int i)
        where T : unmanaged, IBinaryInteger<T>
    {
        int start = i;
        while (i < s.Length && (SipChars.Is(At(s, i), SipChars.Token) || At(s, i) == ':'))
        {
            i++;
        }

        return i > start;
    }

    /// <summary>Parses one name-addr or addr-spec with its header parameters at <paramref name="i"/>.</summary>
    public static bool TryParseNameAddr<T>(ReadOnlySpan<T> s, ref int i, bool allowAddrSpec, out NameAddrParts p)
        where T : unmanaged, IBinaryInteger<T>
    {
        p = default;
        p.DisplayName = p.Parameters = Segment.None;
        SkipWhitespace(s, ref i);
        if (i >= s.Length)
        {
            return false;
        }

        int c = At(s, i);
        bool bracketed = true;
        if (c == '"')
        {
            int ds = i;
            if (!SkipQuotedString(s, ref i))
            {
                return false;
            }

            p.DisplayName = new Segment(ds, i - ds);
            p.DisplayNameQuoted = true;
            SkipWhitespace(s, ref i);
            if (i >= s.Length || At(s, i) != '<')
            {
                return false;
            }
        }
        else if (c != '<')
        {
            int j = i;
            int lastTokenEnd = -1;
            while (j < s.Length && ReadToken(s, ref j) > 0)
            {
                lastTokenEnd = j;
                SkipWhitespace(s, ref j);
            }

            if (lastTokenEnd > 0 && j < s.Length && At(s, j) == '<')
            {
                p.DisplayName = new Segment(i, lastTokenEnd - i);
                i = j;
            }
            else
            {
                bracketed = false;
            }
        }

        if (bracketed)
        {
            i++;
            int gt = IndexOf(s, i, '>');
            if (gt < 0 || !TryParseUri(s[i..gt], out p.UriParts))
            {
                return false;
            }

            p.Uri = new Segment(i, gt - i);
            i = gt + 1;
        }
        else
        {
            if (!allowAddrSpec)
            {
                return false;
            }

            int end = i;
            while (end < s.Length && At(s, end) is not (';' or ',' or ' ' or '\t' or '\r' or '\n'))
            {
                end++;
            }

            // RFC 3261 §20.10: an addr-spec whose URI has a comma, '?' or ';' must be a name-addr.
            if (!TryParseUri(s[i..end], out p.UriParts) || p.UriParts.Headers.IsPresent)
            {
                return false;
            }

            p.Uri = new Segment(i, end - i);
            i = end;
        }

        return SkipGenericParameters(s, ref i, out p.Parameters);
    }

    /// <summary>Parses one via-parm at <paramref name="i"/>.</summary>
    public static bool TryParseVia<T>(ReadOnlySpan<T> s, ref int i, out ViaParts p)
        where T : unmanaged, IBinaryInteger<T>
    {
        p = default;
        p.Port = -1;
        SkipWhitespace(s, ref i);
        int start = i;
        if (ReadToken(s, ref i) == 0)
        {
            return false;
        }

        p.ProtocolName = new Segment(start, i - start);
        if (!SkipSlash(s, ref i))
        {
            return false;
        }

        start = i;
        if (ReadToken(s, ref i) == 0)
        {
            return false;
        }

        p.ProtocolVersion = new Segment(start, i - start);
        if (!SkipSlash(s, ref i))
        {
            return false;
        }

        start = i;
        if (ReadToken(s, ref i) == 0)
        {
            return false;
        }

        p.Transport = new Segment(start, i - start);
        int beforeWs = i;
        SkipWhitespace(s, ref i);
        if (i == beforeWs || !ReadHost(s, ref i, out p.Host))
        {
            return false;
        }

        int k = i;
        SkipWhitespace(s, ref k);
        if (k < s.Length && At(s, k) == ':')
        {
            k++;
            SkipWhitespace(s, ref k);
            if (!ReadPort(s, ref k, out p.Port))
            {
                return false;
            }

            i = k;
        }

        return SkipGenericParameters(s, ref i, out p.Parameters);
    }

    private static bool SkipSlash<T>(ReadOnlySpan<T> s, ref int i)
        where T : unmanaged, IBinaryInteger<T>
    {
        SkipWhitespace(s, ref i);
        if (i >= s.Length || At(s, i) != '/')
        {
            return false;
        }

        i++;
        SkipWhitespace(s, ref i);
        return true;
    }

    /// <summary>After an element of a list: true at the end, or past a COMMA with another element to come.</summary>
    public static bool NextListElement<T>(ReadOnlySpan<T> s, ref int i, out bool more)
        where T : unmanaged, IBinaryInteger<T>
    {
        SkipWhitespace(s, ref i);
        if (i >= s.Length)
        {
            more = false;
            return true;
        }

        more = true;
        if (At(s, i) != ',')
        {
            return false;
        }

        i++;
        return true;
    }

    /// <summary>Parses 1*DIGIT, the whole of <paramref name="s"/>, into a value no greater than <paramref name="max"/>.</summary>
    public static bool TryParseNumber<T>(ReadOnlySpan<T> s, long max, out long value)
        where T : unmanaged, IBinaryInteger<T>
    {
        value = 0;
        if (s.IsEmpty)
        {
            return false;
        }

        for (int i = 0; i < s.Length; i++)
        {
            int c = At(s, i);
            if (!SipChars.IsDigit(c))
            {
                return false;
            }

            value = value * 10 + (c - '0');
            if (value > max)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>CSeq = 1*DIGIT LWS Method.</summary>
    public static bool TryParseCSeq<T>(ReadOnlySpan<T> s, out long number, out Segment method)
        where T : unmanaged, IBinaryInteger<T>
    {
        method = Segment.None;
        int i = 0;
        SkipWhitespace(s, ref i);
        int start = i;
        while (i < s.Length && SipChars.IsDigit(At(s, i)))
        {
            i++;
        }

        if (!TryParseNumber(s[start..i], MaxCSeq, out number))
        {
            return false;
        }

        int ws = i;
        SkipWhitespace(s, ref i);
        if (i == ws)
        {
            return false;
        }

        start = i;
        if (ReadToken(s, ref i) == 0)
        {
            return false;
        }

        method = new Segment(start, i - start);
        SkipWhitespace(s, ref i);
        return i == s.Length;
    }

    /// <summary>callid = word [ "@" word ].</summary>
    public static bool IsCallId<T>(ReadOnlySpan<T> s)
        where T : unmanaged, IBinaryInteger<T>
    {
        int i = 0;
        int start = i;
        while (i < s.Length && SipChars.Is(At(s, i), SipChars.Word))
        {
            i++;
        }

        if (i == start)
        {
            return false;
        }

        if (i < s.Length && At(s, i) == '@')
        {
            i++;
            start = i;
            while (i < s.Length && SipChars.Is(At(s, i), SipChars.Word))
            {
                i++;
            }

            if (i == start)
            {
                return false;
            }
        }

        return i == s.Length;
    }

    /// <summary>media-type = m-type SLASH m-subtype *(SEMI m-parameter).</summary>
    public static bool IsMediaType<T>(ReadOnlySpan<T> s)
        where T : unmanaged, IBinaryInteger<T>
    {
        int i = 0;
        if (ReadToken(s, ref i) == 0 || !SkipSlash(s, ref i) || ReadToken(s, ref i) == 0)
        {
            return false;
        }

        if (!SkipGenericParameters(s, ref i, out _))
        {
            return false;
        }

        SkipWhitespace(s, ref i);
        return i == s.Length;
    }

    private static readonly string[] s_weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    private static readonly string[] s_months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    /// <summary>SIP-date = rfc1123-date: wkday "," SP 2DIGIT SP month SP 4DIGIT SP 2DIGIT ":" 2DIGIT ":" 2DIGIT SP "GMT".</summary>
    public static bool IsSipDate<T>(ReadOnlySpan<T> s)
        where T : unmanaged, IBinaryInteger<T>
    {
        // "Sun, 06 Nov 1994 08:49:37 GMT" is exactly 29 characters.
        if (s.Length != 29 || !OneOf(s[..3], s_weekdays) || At(s, 3) != ',' || At(s, 4) != ' '
            || !Digits(s, 5, 2) || At(s, 7) != ' ' || !OneOf(s.Slice(8, 3), s_months) || At(s, 11) != ' '
            || !Digits(s, 12, 4) || At(s, 16) != ' ' || !Digits(s, 17, 2) || At(s, 19) != ':'
            || !Digits(s, 20, 2) || At(s, 22) != ':' || !Digits(s, 23, 2) || At(s, 25) != ' ')
        {
            return false;
        }

        return At(s, 26) == 'G' && At(s, 27) == 'M' && At(s, 28) == 'T';
    }

    private static bool Digits<T>(ReadOnlySpan<T> s, int from, int count)
        where T : unmanaged, IBinaryInteger<T>
    {
        for (int i = from; i < from + count; i++)
        {
            if (!SipChars.IsDigit(At(s, i)))
            {
                return false;
            }
        }

        return true;
    }

    private static bool OneOf<T>(ReadOnlySpan<T> s, string[] options)
        where T : unmanaged, IBinaryInteger<T>
    {
        foreach (string o in options)
        {
            if (At(s, 0) == o[0] && At(s, 1) == o[1] && At(s, 2) == o[2])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Checks a known header's value (already trimmed) against its grammar without allocating.</summary>
    public static bool IsValidValue<T>(HeaderKind kind, ReadOnlySpan<T> s)
        where T : unmanaged, IBinaryInteger<T>
    {
        int i = 0;
        bool more;
        switch (kind)
        {
            case HeaderKind.Via:
                do
                {
                    if (!TryParseVia(s, ref i, out _) || !NextListElement(s, ref i, out more))
                    {
                        return false;
                    }
                }
                while (more);
                return true;
            case HeaderKind.NameAddr:
                if (!TryParseNameAddr(s, ref i, allowAddrSpec: true, out _))
                {
                    return false;
                }

                SkipWhitespace(s, ref i);
                return i == s.Length;
            case HeaderKind.Contact:
                if (s.Length == 1 && At(s, 0) == '*')
                {
                    return true;
                }

                goto case HeaderKind.Route;
            case HeaderKind.Route:
                do
                {
                    if (!TryParseNameAddr(s, ref i, allowAddrSpec: kind == HeaderKind.Contact, out _)
                        || !NextListElement(s, ref i, out more))
                    {
                        return false;
                    }
                }
                while (more);
                return true;
            case HeaderKind.CallId:
                return IsCallId(s);
            case HeaderKind.CSeq:
                return TryParseCSeq(s, out _, out _);
            case HeaderKind.MaxForwards:
                return TryParseNumber(s, 255, out _);
            case HeaderKind.ContentLength:
                return TryParseNumber(s, int.MaxValue, out _);
            case HeaderKind.ContentType:
                return IsMediaType(s);
            case HeaderKind.Date:
                return IsSipDate(s);
            case HeaderKind.DeltaSeconds:
                // RFC 3261 §20.19: larger values are read as 2**32-1, so any run of digits is fine.
                for (; i < s.Length && SipChars.IsDigit(At(s, i)); i++)
                {
                }

                return i > 0 && i == s.Length;
            default:
                return true;
        }
    }
}
