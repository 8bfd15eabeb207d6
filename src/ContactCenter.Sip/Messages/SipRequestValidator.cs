namespace ContactCenter.Sip.Messages;

/// <summary>
/// The checks a UAS makes on a parsed request before processing it (RFC 3261 §8.2.2–§8.2.3, RFC 4475 §3.3):
/// Request-URI scheme (416), a registrar's To URI (400), Max-Forwards for a proxy (483), Require (420),
/// Content-Type (415) and Accept on an INVITE (406). Method support (405/501), authentication (401) and
/// dialog matching (481) belong to the user agent. Thread-safe.
/// </summary>
public static class SipRequestValidator
{
    /// <summary>Checks <paramref name="request"/> against what the UAS supports.</summary>
    /// <param name="request">A successfully parsed request.</param>
    /// <param name="options">What is supported; <see cref="SipValidationOptions.Default"/> when <see langword="null"/>.</param>
    public static SipValidationResult Validate(SipRequest request, SipValidationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        options ??= SipValidationOptions.Default;

        if (!Contains(options.SupportedUriSchemes, request.RequestUri.Scheme))
        {
            return new SipValidationResult(416, $"Request-URI scheme '{request.RequestUri.Scheme}' is not supported.", null);
        }

        if (request.Method == SipMethods.Register && !request.To.Uri.IsSip)
        {
            // RFC 3261 §10.3: the To of a REGISTER is the address of record, a SIP or SIPS URI.
            return new SipValidationResult(400, "The To of a REGISTER must be a SIP or SIPS URI.", null);
        }

        if (options.ActAsProxy && request.MaxForwards == 0 && request.Method != SipMethods.Ack)
        {
            return new SipValidationResult(483, "Max-Forwards is 0.", null);
        }

        if (request.Method is not (SipMethods.Ack or SipMethods.Cancel))
        {
            List<string>? unsupported = null;
            AddUnsupported(request.Headers.GetValues(SipHeaderNames.Require), options, ref unsupported);
            if (options.ActAsProxy)
            {
                AddUnsupported(request.Headers.GetValues(SipHeaderNames.ProxyRequire), options, ref unsupported);
            }

            if (unsupported is not null)
            {
                return new SipValidationResult(420, "Unsupported extension(s): " + string.Join(", ", unsupported),
                    [new SipHeader(SipHeaderNames.Unsupported, string.Join(", ", unsupported))]);
            }
        }

        string? contentType = request.ContentType;
        if (contentType is not null && !request.Body.IsEmpty && !Contains(options.AcceptedContentTypes, MediaType(contentType)))
        {
            return new SipValidationResult(415, $"Content-Type '{contentType}' is not supported.",
                [new SipHeader(SipHeaderNames.Accept, string.Join(", ", options.AcceptedContentTypes))]);
        }

        if (request.Method == SipMethods.Invite && request.Headers.Contains(SipHeaderNames.Accept))
        {
            IReadOnlyList<string> accepted = request.Headers.GetValues(SipHeaderNames.Accept);
            if (accepted.Count > 0 && !options.ResponseContentTypes.Any(t => accepted.Any(a => Matches(MediaType(a), t))))
            {
                return new SipValidationResult(406, "Accept allows none of: " + string.Join(", ", options.ResponseContentTypes), null);
            }
        }

        return default;
    }

    private static void AddUnsupported(IReadOnlyList<string> required, SipValidationOptions options, ref List<string>? unsupported)
    {
        foreach (string tag in required)
        {
            if (!Contains(options.SupportedExtensions, tag))
            {
                (unsupported ??= []).Add(tag);
            }
        }
    }

    private static string MediaType(string value)
    {
        int semi = value.IndexOf(';', StringComparison.Ordinal);
        string type = semi >= 0 ? value[..semi] : value;
        return string.Concat(type.Where(c => !char.IsWhiteSpace(c)));
    }

    private static bool Matches(string range, string type)
    {
        if (range == "*/*" || string.Equals(range, type, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return range.EndsWith("/*", StringComparison.Ordinal)
            && type.StartsWith(range[..^1], StringComparison.OrdinalIgnoreCase);
    }

    private static bool Contains(IReadOnlyCollection<string> set, string value) =>
        set.Any(s => string.Equals(s, value, StringComparison.OrdinalIgnoreCase));
}
