namespace ContactCenter.Sip.Auth;

/// <summary>What checking a request's digest credentials found.</summary>
internal enum DigestOutcome
{
    /// <summary>No <c>Digest</c> credentials for this realm: challenge.</summary>
    Missing,

    /// <summary>Credentials that cannot be checked (missing parameters, unknown algorithm or qop): 400 or challenge.</summary>
    Malformed,

    /// <summary>Unknown user, wrong password or a nonce not issued here: challenge again.</summary>
    Rejected,

    /// <summary>Right password on an expired nonce: challenge with <c>stale=true</c>.</summary>
    Stale,

    /// <summary>Authenticated.</summary>
    Accepted,
}
