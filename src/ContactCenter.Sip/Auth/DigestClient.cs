using System.Security.Cryptography;

namespace ContactCenter.Sip.Auth;

/// <summary>The client side of digest authentication: answers a challenge with an <c>Authorization</c> value.</summary>
internal static class DigestClient
{
    /// <summary>
    /// Builds credentials for <paramref name="challenge"/> (a <c>WWW-Authenticate</c> or <c>Proxy-Authenticate</c>
    /// value); null when the challenge is not a digest one this stack can answer.
    /// </summary>
    public static string? Answer(string challenge, string username, string password, string method, string uri, int nonceCount = 1, string? cnonce = null)
    {
        if (!DigestHeader.TryParse(challenge, out var header)
            || header["realm"] is not { } realm
            || header["nonce"] is not { } nonce
            || !DigestCalculator.TryParseName(header["algorithm"], out var algorithm, out var session))
        {
            return null;
        }

        var qopOptions = header["qop"];
        string? qop = null;
        if (qopOptions is not null)
        {
            foreach (var option in qopOptions.Split(',', StringSplitOptions.TrimEntries))
            {
                if (option.Equals("auth", StringComparison.OrdinalIgnoreCase))
                {
                    qop = "auth";
                }
            }

            if (qop is null)
            {
                return null;
            }
        }

        cnonce ??= Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var nc = nonceCount.ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
        var response = DigestCalculator.Response(algorithm, session, username, realm, password, method, uri, nonce, qop, qop is null ? null : nc, cnonce);
        var parameters = new List<KeyValuePair<string, string>>
        {
            new("username", username),
            new("realm", realm),
            new("nonce", nonce),
            new("uri", uri),
            new("response", response),
            new("algorithm", DigestCalculator.Name(algorithm, session)),
        };
        if (qop is not null)
        {
            parameters.Add(new("qop", qop));
            parameters.Add(new("nc", nc));
            parameters.Add(new("cnonce", cnonce));
        }

        if (header["opaque"] is { } opaque)
        {
            parameters.Add(new("opaque", opaque));
        }

        return DigestHeader.Format(parameters, "algorithm", "qop", "nc");
    }
}
