namespace ContactCenter.Sip.Auth;

/// <summary>The hash algorithm of an HTTP digest challenge (RFC 7616 section 3.2; RFC 8760 for SIP).</summary>
public enum DigestAlgorithm
{
    /// <summary>MD5, the RFC 2617 algorithm every SIP phone supports.</summary>
    Md5,

    /// <summary>SHA-256 (RFC 7616 / RFC 8760).</summary>
    Sha256,
}
