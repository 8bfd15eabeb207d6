using System.Security.Cryptography;

namespace ContactCenter.Sip.Messages;

/// <summary>Random identifiers for tags, branches and Call-IDs (RFC 3261 §19.3). Thread-safe.</summary>
public static class SipIdGenerator
{
    /// <summary>A new From/To tag: 16 random hex digits (64 bits, above the RFC's 32).</summary>
    public static string NewTag() => RandomHex(8);

    /// <summary>A new Via branch: the magic cookie <c>z9hG4bK</c> followed by 24 random hex digits.</summary>
    public static string NewBranch() => SipVia.MagicCookie + RandomHex(12);

    /// <summary>A new Call-ID: 32 random hex digits, with <c>@host</c> when a host is given.</summary>
    /// <param name="host">Optional host part; <see langword="null"/> for none.</param>
    public static string NewCallId(string? host = null) => host is null ? RandomHex(16) : RandomHex(16) + "@" + host;

    private static string RandomHex(int bytes)
    {
        Span<byte> b = stackalloc byte[16];
        RandomNumberGenerator.Fill(b[..bytes]);
        return Convert.ToHexStringLower(b[..bytes]);
    }
}
