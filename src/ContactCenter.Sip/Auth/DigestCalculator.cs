using System.Security.Cryptography;
using System.Text;

namespace ContactCenter.Sip.Auth;

/// <summary>The digest computations of RFC 7616 section 3.4.1 (and RFC 2617 section 3.2.2), for MD5 and SHA-256.</summary>
internal static class DigestCalculator
{
    /// <summary>The token of <paramref name="algorithm"/> in the <c>algorithm</c> parameter.</summary>
    public static string Name(DigestAlgorithm algorithm, bool session = false) => (algorithm, session) switch
    {
        (DigestAlgorithm.Md5, false) => "MD5",
        (DigestAlgorithm.Md5, true) => "MD5-sess",
        (DigestAlgorithm.Sha256, false) => "SHA-256",
        _ => "SHA-256-sess",
    };

    /// <summary>Reads an <c>algorithm</c> token; an absent one means MD5 (RFC 7616 section 3.3).</summary>
    public static bool TryParseName(string? token, out DigestAlgorithm algorithm, out bool session)
    {
        session = false;
        algorithm = DigestAlgorithm.Md5;
        if (string.IsNullOrEmpty(token))
        {
            return true;
        }

        if (token.EndsWith("-sess", StringComparison.OrdinalIgnoreCase))
        {
            session = true;
            token = token[..^5];
        }

        if (token.Equals("MD5", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (token.Equals("SHA-256", StringComparison.OrdinalIgnoreCase))
        {
            algorithm = DigestAlgorithm.Sha256;
            return true;
        }

        return false;
    }

    /// <summary>H(data) as lower-case hex.</summary>
    public static string Hash(DigestAlgorithm algorithm, string data)
    {
        var byteCount = Encoding.UTF8.GetByteCount(data);
        byte[]? rented = null;
        Span<byte> bytes = byteCount <= 512 ? stackalloc byte[byteCount] : (rented = System.Buffers.ArrayPool<byte>.Shared.Rent(byteCount));
        try
        {
            var written = Encoding.UTF8.GetBytes(data, bytes);
            Span<byte> hash = stackalloc byte[32];
            var length = algorithm == DigestAlgorithm.Md5
                ? MD5.HashData(bytes[..written], hash)
                : SHA256.HashData(bytes[..written], hash);
            return Convert.ToHexStringLower(hash[..length]);
        }
        finally
        {
            if (rented is not null)
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>HA1 = H(username ":" realm ":" password), or for a <c>-sess</c> algorithm H(that ":" nonce ":" cnonce).</summary>
    public static string Ha1(DigestAlgorithm algorithm, bool session, string username, string realm, string password, string nonce, string? cnonce)
    {
        var ha1 = Hash(algorithm, string.Concat(username, ":", realm, ":", password));
        return session ? Hash(algorithm, string.Concat(ha1, ":", nonce, ":", cnonce ?? string.Empty)) : ha1;
    }

    /// <summary>The <c>response</c> value for qop=auth, or for the RFC 2069 form when <paramref name="qop"/> is null.</summary>
    public static string Response(DigestAlgorithm algorithm, string ha1, string method, string uri, string nonce, string? qop, string? nonceCount, string? cnonce)
    {
        var ha2 = Hash(algorithm, string.Concat(method, ":", uri));
        return qop is null
            ? Hash(algorithm, string.Concat(ha1, ":", nonce, ":", ha2))
            : Hash(algorithm, string.Join(':', ha1, nonce, nonceCount, cnonce, qop, ha2));
    }

    /// <summary>The whole computation from a password.</summary>
    public static string Response(
        DigestAlgorithm algorithm,
        bool session,
        string username,
        string realm,
        string password,
        string method,
        string uri,
        string nonce,
        string? qop,
        string? nonceCount,
        string? cnonce)
        => Response(algorithm, Ha1(algorithm, session, username, realm, password, nonce, cnonce), method, uri, nonce, qop, nonceCount, cnonce);

    /// <summary>Compares two hex digests in constant time.</summary>
    public static bool FixedTimeEquals(string expected, string actual)
    {
        if (expected.Length != actual.Length)
        {
            return false;
        }

        var difference = 0;
        for (var i = 0; i < expected.Length; i++)
        {
            difference |= char.ToLowerInvariant(expected[i]) ^ char.ToLowerInvariant(actual[i]);
        }

        return difference == 0;
    }
}
