using ContactCenter.Sip.Auth;

namespace ContactCenter.Sip.Registrar;

/// <summary>How the registrar authenticates softphones and how long their bindings last. Not thread-safe: configure before start.</summary>
public sealed class SipRegistrarOptions
{
    /// <summary>The digest realm (required), e.g. the contact center's SIP domain.</summary>
    public string Realm { get; set; } = string.Empty;

    /// <summary>
    /// Returns the password of a user name, or null for an unknown user (required). Called on stack threads for every
    /// authenticated REGISTER; must be quick and thread-safe.
    /// </summary>
    public Func<string, string?>? PasswordLookup { get; set; }

    /// <summary>The digest algorithms challenged with, most preferred first (one challenge each, RFC 8760). Default: SHA-256, then MD5.</summary>
    public IReadOnlyList<DigestAlgorithm> Algorithms { get; set; } = [DigestAlgorithm.Sha256, DigestAlgorithm.Md5];

    /// <summary>
    /// User-Agent prefixes (case-insensitive) of softphones that read only the first challenge and know only MD5 —
    /// baresip 1.x gives up on a SHA-256 first challenge. They are challenged MD5 first (when <see cref="Algorithms"/>
    /// has MD5); everyone else keeps the preference order. Default: <c>baresip v0.</c>, <c>baresip v1.</c>.
    /// </summary>
    public IReadOnlyList<string> Md5FirstUserAgents { get; set; } = ["baresip v0.", "baresip v1."];

    /// <summary>How long a nonce is good for; an older one gets a <c>stale=true</c> challenge. Default: 5 minutes.</summary>
    public TimeSpan NonceLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The shortest registration accepted; shorter requests get 423 Interval Too Brief. Default: 60 s.</summary>
    public TimeSpan MinExpires { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The longest registration granted (longer requests are shortened). Default: 1 hour.</summary>
    public TimeSpan MaxExpires { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The registration length when the REGISTER names none. Default: 1 hour.</summary>
    public TimeSpan DefaultExpires { get; set; } = TimeSpan.FromHours(1);

    internal void Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Realm))
        {
            problems.Add(ConfigurationText.Format(nameof(SipRegistrarOptions), null, nameof(Realm), "is missing", "the realm of the digest challenge (RFC 3261 section 22.1)"));
        }

        if (PasswordLookup is null)
        {
            problems.Add(ConfigurationText.Format(nameof(SipRegistrarOptions), null, nameof(PasswordLookup), "is missing", "a function that finds a user's password"));
        }

        if (Algorithms is null || Algorithms.Count == 0)
        {
            problems.Add(ConfigurationText.Format(nameof(SipRegistrarOptions), null, nameof(Algorithms), "is empty", "at least one digest algorithm"));
        }

        if (Md5FirstUserAgents is null || Md5FirstUserAgents.Any(string.IsNullOrWhiteSpace))
        {
            problems.Add(ConfigurationText.Format(nameof(SipRegistrarOptions), null, nameof(Md5FirstUserAgents), "is null or contains an empty prefix", "a list (possibly empty) of non-empty User-Agent prefixes"));
        }

        if (NonceLifetime <= TimeSpan.Zero)
        {
            problems.Add(ConfigurationText.Format(nameof(SipRegistrarOptions), null, nameof(NonceLifetime), $"{NonceLifetime} is not positive", "more than zero"));
        }

        if (MinExpires <= TimeSpan.Zero || MaxExpires < MinExpires || DefaultExpires < MinExpires || DefaultExpires > MaxExpires)
        {
            problems.Add(ConfigurationText.Format(nameof(SipRegistrarOptions), null, $"{nameof(MinExpires)}, {nameof(DefaultExpires)}, {nameof(MaxExpires)}", $"{MinExpires}, {DefaultExpires} and {MaxExpires} are out of order", $"0 < {nameof(MinExpires)} <= {nameof(DefaultExpires)} <= {nameof(MaxExpires)}"));
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(Environment.NewLine, problems));
        }
    }
}
