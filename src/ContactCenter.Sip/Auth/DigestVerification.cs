namespace ContactCenter.Sip.Auth;

/// <summary>The outcome of <see cref="DigestServer.Verify"/> and the user name the credentials claimed.</summary>
internal readonly record struct DigestVerification(DigestOutcome Outcome, string? Username);
