namespace ContactCenter.Sip.Auth;

/// <summary>What a server nonce check found.</summary>
internal enum NonceStatus
{
    /// <summary>Not a nonce this server issued (or tampered with).</summary>
    Invalid,

    /// <summary>Issued here but past its lifetime: challenge again with <c>stale=true</c> (RFC 7616 section 3.3).</summary>
    Stale,

    /// <summary>Issued here and still fresh.</summary>
    Valid,
}
