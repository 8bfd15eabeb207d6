using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Auth;

/// <summary>
/// The server side of SIP digest authentication (RFC 3261 section 22, RFC 7616 with qop=auth, RFC 8760 for
/// SHA-256): builds challenges and checks credentials against a password lookup. Thread-safe.
/// </summary>
internal sealed class DigestServer
{
    private readonly string _realm;
    private readonly IReadOnlyList<DigestAlgorithm> _algorithms;
    private readonly NonceManager _nonces;
    private readonly Func<string, string?> _passwords;

    public DigestServer(string realm, IReadOnlyList<DigestAlgorithm> algorithms, NonceManager nonces, Func<string, string?> passwords)
    {
        _realm = realm;
        _algorithms = algorithms;
        _nonces = nonces;
        _passwords = passwords;
    }

    /// <summary>The realm challenges name.</summary>
    public string Realm => _realm;

    /// <summary>
    /// One <c>WWW-Authenticate</c> value per configured algorithm, in preference order (RFC 8760 section 2.4,
    /// RFC 7616 section 3.7); with <paramref name="md5First"/> MD5 (when configured) leads, for clients that only
    /// read the first challenge and know no other algorithm. Each answer is verified with the algorithm it names.
    /// </summary>
    public IReadOnlyList<string> CreateChallenges(bool stale, bool md5First = false)
    {
        var algorithms = _algorithms;
        if (md5First && _algorithms.Contains(DigestAlgorithm.Md5))
        {
            algorithms = [DigestAlgorithm.Md5, .. _algorithms.Where(a => a != DigestAlgorithm.Md5)];
        }

        var challenges = new string[algorithms.Count];
        for (var i = 0; i < challenges.Length; i++)
        {
            var parameters = new List<KeyValuePair<string, string>>
            {
                new("realm", _realm),
                new("nonce", _nonces.Create()),
                new("algorithm", DigestCalculator.Name(algorithms[i])),
                new("qop", "auth"),
            };
            if (stale)
            {
                parameters.Add(new("stale", "true"));
            }

            challenges[i] = DigestHeader.Format(parameters, "algorithm", "stale");
        }

        return challenges;
    }

    /// <summary>Checks one <c>Authorization</c> header value for <paramref name="method"/> to <paramref name="requestUri"/>.</summary>
    public DigestVerification Verify(string method, string? authorization, SipUri requestUri)
    {
        if (authorization is null || !IsDigest(authorization))
        {
            // No credentials, or credentials in a scheme we do not know (RFC 4475 regaut01): challenge with ours
            // (RFC 3261 section 22.1), the client may well speak Digest too.
            return new(DigestOutcome.Missing, null);
        }

        if (!DigestHeader.TryParse(authorization, out var header))
        {
            return new(DigestOutcome.Malformed, null);
        }

        var username = header["username"];
        var realm = header["realm"];
        var nonce = header["nonce"];
        var uri = header["uri"];
        var response = header["response"];
        if (username is null || realm is null || nonce is null || uri is null || response is null)
        {
            return new(DigestOutcome.Malformed, username);
        }

        if (!string.Equals(realm, _realm, StringComparison.Ordinal))
        {
            return new(DigestOutcome.Missing, username);
        }

        // The digest covers the uri parameter, not the request line: unless they name the same resource, a response
        // captured for one request could authorize another (RFC 7616 section 3.4.6: 400).
        if (!SameResource(uri, requestUri))
        {
            return new(DigestOutcome.Malformed, username);
        }

        if (!DigestCalculator.TryParseName(header["algorithm"], out var algorithm, out var session) || session || !_algorithms.Contains(algorithm))
        {
            return new(DigestOutcome.Malformed, username);
        }

        // Every challenge offers qop=auth, so credentials must use it (RFC 7616 section 3.4: no RFC 2069 fallback).
        var qop = header["qop"];
        var nc = header["nc"];
        var cnonce = header["cnonce"];
        if (!string.Equals(qop, "auth", StringComparison.OrdinalIgnoreCase) || nc is not { Length: 8 } || string.IsNullOrEmpty(cnonce))
        {
            return new(DigestOutcome.Malformed, username);
        }

        var status = _nonces.Check(nonce);
        if (status == NonceStatus.Invalid)
        {
            return new(DigestOutcome.Rejected, username);
        }

        var password = _passwords(username);
        if (password is null)
        {
            return new(DigestOutcome.Rejected, username);
        }

        var expected = DigestCalculator.Response(algorithm, false, username, realm, password, method, uri, nonce, "auth", nc, cnonce);
        if (!DigestCalculator.FixedTimeEquals(expected, response))
        {
            return new(DigestOutcome.Rejected, username);
        }

        return new(status == NonceStatus.Stale ? DigestOutcome.Stale : DigestOutcome.Accepted, username);
    }

    private static bool IsDigest(string authorization)
    {
        var value = authorization.AsSpan().TrimStart();
        const string scheme = "Digest";
        return value.Length > scheme.Length && value.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) && value[scheme.Length] is ' ' or '\t';
    }

    private static bool SameResource(string digestUri, SipUri requestUri) =>
        string.Equals(digestUri, requestUri.ToString(), StringComparison.Ordinal)
        || (SipUri.TryParse(digestUri, out var parsed) && parsed.IsEquivalentTo(requestUri));
}
