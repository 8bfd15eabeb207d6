using System.Text;

namespace ContactCenter.Sip.Messages;

/// <summary>A SIP request: method, Request-URI, headers and body.</summary>
public sealed class SipRequest : SipMessage
{
    private readonly ReadOnlyMemory<byte> _requestUriBytes;
    private SipUri? _requestUri;

    /// <summary>Creates a request with no headers; add them through the typed properties or <see cref="SipMessage.Headers"/>.</summary>
    /// <param name="method">The method, a token (see <see cref="SipMethods"/>).</param>
    /// <param name="requestUri">The Request-URI.</param>
    public SipRequest(string method, SipUri requestUri)
        : base(new SipHeaders(), ReadOnlyMemory<byte>.Empty)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(requestUri);
        if (!Parsing.SipGrammar.IsToken(method.AsSpan()))
        {
            throw new ArgumentException($"'{method}' is not a valid method.", nameof(method));
        }

        Method = method;
        _requestUri = requestUri;
    }

    internal SipRequest(string method, ReadOnlyMemory<byte> requestUri, SipHeaders headers, ReadOnlyMemory<byte> body)
        : base(headers, body)
    {
        Method = method;
        _requestUriBytes = requestUri;
    }

    /// <inheritdoc/>
    public override bool IsRequest => true;

    /// <summary>The method, e.g. <c>INVITE</c> (case-sensitive).</summary>
    public string Method { get; }

    /// <summary>The Request-URI.</summary>
    /// <exception cref="FormatException">Only for a <see cref="SipParseResult.RejectedRequest"/> whose Request-URI is invalid.</exception>
    public SipUri RequestUri
    {
        get => _requestUri ??= SipUri.Parse(Encoding.UTF8.GetString(_requestUriBytes.Span));
        set => _requestUri = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>
    /// Creates a response to this request as a UAS does (RFC 3261 §8.2.6.2): copies every Via (in order), From,
    /// To, Call-ID and CSeq, and adds a To tag when the request's To has none and a tag is given. Nothing else is
    /// copied: a UAS answering a dialog-creating request copies Record-Route itself (§12.1.1).
    /// </summary>
    /// <param name="statusCode">100 to 699.</param>
    /// <param name="reasonPhrase">The reason phrase; the standard one for the code by default.</param>
    /// <param name="toTag">The UAS's To tag; <see langword="null"/> to add none (100 Trying, or a To that has one).</param>
    public SipResponse CreateResponse(int statusCode, string? reasonPhrase = null, string? toTag = null)
    {
        var response = new SipResponse(statusCode, reasonPhrase);
        SipHeaders h = response.Headers;
        CopyAll(SipHeaderNames.Via, h);
        CopyAll(SipHeaderNames.From, h);
        int to = Headers.IndexOf(SipHeaderNames.To);
        if (to >= 0)
        {
            string value = Headers.ValueAt(to);
            if (toTag is not null && SipNameAddress.TryParse(value.Trim(), out SipNameAddress? address) && address.Tag is null)
            {
                value = address.WithTag(toTag).ToString();
            }

            h.AddCopied(SipHeaderNames.To, value);
        }

        CopyAll(SipHeaderNames.CallId, h);
        CopyAll(SipHeaderNames.CSeq, h);
        return response;
    }

    private void CopyAll(string name, SipHeaders into)
    {
        for (int i = 0; i < Headers.Count; i++)
        {
            if (Headers.NameIs(i, name))
            {
                into.AddCopied(name, Headers.ValueAt(i));
            }
        }
    }

    private protected override int StartLineByteCount() =>
        Encoding.UTF8.GetByteCount(Method) + 1 + UriByteCount() + 1 + Version.Length;

    private int UriByteCount() => _requestUri is null ? _requestUriBytes.Length : Encoding.UTF8.GetByteCount(_requestUri.ToString());

    private protected override int WriteStartLine(Span<byte> destination)
    {
        int p = Encoding.UTF8.GetBytes(Method, destination);
        destination[p++] = (byte)' ';
        if (_requestUri is null)
        {
            _requestUriBytes.Span.CopyTo(destination[p..]);
            p += _requestUriBytes.Length;
        }
        else
        {
            p += Encoding.UTF8.GetBytes(_requestUri.ToString(), destination[p..]);
        }

        destination[p++] = (byte)' ';
        p += Encoding.ASCII.GetBytes(Version, destination[p..]);
        return p;
    }
}
