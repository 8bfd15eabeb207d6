using ContactCenter.Sip.Parsing;

namespace ContactCenter.Sip.Messages;

/// <summary>
/// Canonical names of the SIP header fields the stack knows, and their mapping from compact forms
/// (RFC 3261 §7.3.3: <c>v</c> is <c>Via</c>, <c>f</c> is <c>From</c>, …). Header names are case-insensitive;
/// a parsed message stores every known header under its canonical name.
/// </summary>
public static class SipHeaderNames
{
#pragma warning disable CS1591 // The names document themselves.
    public const string Accept = "Accept";
    public const string AcceptEncoding = "Accept-Encoding";
    public const string AcceptLanguage = "Accept-Language";
    public const string AlertInfo = "Alert-Info";
    public const string Allow = "Allow";
    public const string AllowEvents = "Allow-Events";
    public const string AuthenticationInfo = "Authentication-Info";
    public const string Authorization = "Authorization";
    public const string CallId = "Call-ID";
    public const string CallInfo = "Call-Info";
    public const string Contact = "Contact";
    public const string ContentDisposition = "Content-Disposition";
    public const string ContentEncoding = "Content-Encoding";
    public const string ContentLanguage = "Content-Language";
    public const string ContentLength = "Content-Length";
    public const string ContentType = "Content-Type";
    public const string CSeq = "CSeq";
    public const string Date = "Date";
    public const string ErrorInfo = "Error-Info";
    public const string Event = "Event";
    public const string Expires = "Expires";
    public const string From = "From";
    public const string InReplyTo = "In-Reply-To";
    public const string MaxForwards = "Max-Forwards";
    public const string MimeVersion = "MIME-Version";
    public const string MinExpires = "Min-Expires";
    public const string Organization = "Organization";
    public const string Priority = "Priority";
    public const string ProxyAuthenticate = "Proxy-Authenticate";
    public const string ProxyAuthorization = "Proxy-Authorization";
    public const string ProxyRequire = "Proxy-Require";
    public const string Reason = "Reason";
    public const string RecordRoute = "Record-Route";
    public const string ReferTo = "Refer-To";
    public const string ReferredBy = "Referred-By";
    public const string ReplyTo = "Reply-To";
    public const string Require = "Require";
    public const string RetryAfter = "Retry-After";
    public const string Route = "Route";
    public const string Server = "Server";
    public const string SessionExpires = "Session-Expires";
    public const string Subject = "Subject";
    public const string Supported = "Supported";
    public const string Timestamp = "Timestamp";
    public const string To = "To";
    public const string Unsupported = "Unsupported";
    public const string UserAgent = "User-Agent";
    public const string Via = "Via";
    public const string Warning = "Warning";
    public const string WwwAuthenticate = "WWW-Authenticate";
#pragma warning restore CS1591

    internal readonly record struct Known(string Name, char Compact, HeaderKind Kind, bool SingleValued);

    private static readonly Known[] s_known =
    [
        new(Via, 'v', HeaderKind.Via, false),
        new(From, 'f', HeaderKind.NameAddr, true),
        new(To, 't', HeaderKind.NameAddr, true),
        new(CallId, 'i', HeaderKind.CallId, true),
        new(CSeq, '\0', HeaderKind.CSeq, true),
        new(Contact, 'm', HeaderKind.Contact, false),
        new(MaxForwards, '\0', HeaderKind.MaxForwards, true),
        new(ContentLength, 'l', HeaderKind.ContentLength, true),
        new(ContentType, 'c', HeaderKind.ContentType, true),
        new(Route, '\0', HeaderKind.Route, false),
        new(RecordRoute, '\0', HeaderKind.Route, false),
        new(Date, '\0', HeaderKind.Date, true),
        new(Expires, '\0', HeaderKind.DeltaSeconds, true),
        new(MinExpires, '\0', HeaderKind.DeltaSeconds, true),
        new(Accept, '\0', HeaderKind.Other, false),
        new(AcceptEncoding, '\0', HeaderKind.Other, false),
        new(AcceptLanguage, '\0', HeaderKind.Other, false),
        new(AlertInfo, '\0', HeaderKind.Other, false),
        new(Allow, '\0', HeaderKind.Other, false),
        new(AllowEvents, 'u', HeaderKind.Other, false),
        new(AuthenticationInfo, '\0', HeaderKind.Other, false),
        new(Authorization, '\0', HeaderKind.Other, false),
        new(CallInfo, '\0', HeaderKind.Other, false),
        new(ContentDisposition, '\0', HeaderKind.Other, false),
        new(ContentEncoding, 'e', HeaderKind.Other, false),
        new(ContentLanguage, '\0', HeaderKind.Other, false),
        new(ErrorInfo, '\0', HeaderKind.Other, false),
        new(Event, 'o', HeaderKind.Other, false),
        new(InReplyTo, '\0', HeaderKind.Other, false),
        new(MimeVersion, '\0', HeaderKind.Other, false),
        new(Organization, '\0', HeaderKind.Other, false),
        new(Priority, '\0', HeaderKind.Other, false),
        new(ProxyAuthenticate, '\0', HeaderKind.Other, false),
        new(ProxyAuthorization, '\0', HeaderKind.Other, false),
        new(ProxyRequire, '\0', HeaderKind.Other, false),
        new(Reason, '\0', HeaderKind.Other, false),
        new(ReferTo, 'r', HeaderKind.Other, false),
        new(ReferredBy, 'b', HeaderKind.Other, false),
        new(ReplyTo, '\0', HeaderKind.Other, false),
        new(Require, '\0', HeaderKind.Other, false),
        new(RetryAfter, '\0', HeaderKind.Other, false),
        new(Server, '\0', HeaderKind.Other, false),
        new(SessionExpires, 'x', HeaderKind.Other, false),
        new(Subject, 's', HeaderKind.Other, false),
        new(Supported, 'k', HeaderKind.Other, false),
        new(Timestamp, '\0', HeaderKind.Other, false),
        new(Unsupported, '\0', HeaderKind.Other, false),
        new(UserAgent, '\0', HeaderKind.Other, false),
        new(Warning, '\0', HeaderKind.Other, false),
        new(WwwAuthenticate, '\0', HeaderKind.Other, false),
    ];

    private static readonly System.Collections.Frozen.FrozenDictionary<string, int> s_byName = BuildNameIndex();

    private static readonly int[][] s_byLength = BuildLengthIndex();

    private static System.Collections.Frozen.FrozenDictionary<string, int> BuildNameIndex()
    {
        var d = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < s_known.Length; i++)
        {
            d[s_known[i].Name] = i;
            if (s_known[i].Compact != '\0')
            {
                d[s_known[i].Compact.ToString()] = i;
            }
        }

        return System.Collections.Frozen.FrozenDictionary.ToFrozenDictionary(d, StringComparer.OrdinalIgnoreCase);
    }

    private static int[][] BuildLengthIndex()
    {
        int max = s_known.Max(k => k.Name.Length);
        var index = new int[max + 1][];
        for (int len = 0; len <= max; len++)
        {
            index[len] = [.. Enumerable.Range(0, s_known.Length).Where(i => s_known[i].Name.Length == len)];
        }

        return index;
    }

    /// <summary>
    /// Returns the canonical spelling of a header name: <c>"v"</c> and <c>"VIA"</c> give <c>"Via"</c>; a name the
    /// stack does not know comes back unchanged.
    /// </summary>
    /// <param name="name">A header name in any case, or a compact form.</param>
    public static string Canonicalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return s_byName.TryGetValue(name, out int i) ? s_known[i].Name : name;
    }

    internal static Known At(int index) => s_known[index];

    /// <summary>The index of a known header (long or compact name, any case) in the table; -1 when unknown.</summary>
    internal static int Find<T>(ReadOnlySpan<T> name)
        where T : unmanaged, System.Numerics.IBinaryInteger<T>
    {
        if (name.Length == 1)
        {
            int c = int.CreateTruncating(name[0]) | 0x20;
            for (int i = 0; i < s_known.Length; i++)
            {
                if (s_known[i].Compact == c)
                {
                    return i;
                }
            }
        }
        else if (name.Length < s_byLength.Length)
        {
            foreach (int i in s_byLength[name.Length])
            {
                if (SipGrammar.EqualsIgnoreCase(name, s_known[i].Name))
                {
                    return i;
                }
            }
        }

        return -1;
    }
}
