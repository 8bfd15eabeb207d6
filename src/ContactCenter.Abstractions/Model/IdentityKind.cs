namespace ContactCenter;

/// <summary>
/// The kind of a customer identity: phone number, email address, Telegram user id, web visitor id or any
/// custom kind a connector defines. Compared ordinally and case-insensitively.
/// </summary>
/// <param name="Name">The kind's name, for example <c>phone</c>.</param>
public readonly record struct IdentityKind(string Name)
{
    /// <summary>A phone number in E.164 form (<c>+4930123456</c>).</summary>
    public static IdentityKind Phone { get; } = new("phone");

    /// <summary>An email address.</summary>
    public static IdentityKind Email { get; } = new("email");

    /// <summary>A Telegram user id.</summary>
    public static IdentityKind Telegram { get; } = new("telegram");

    /// <summary>A web chat visitor id (a cookie or a signed token issued by the site).</summary>
    public static IdentityKind WebVisitor { get; } = new("web");

    /// <summary>A SIP address of record.</summary>
    public static IdentityKind Sip { get; } = new("sip");

    /// <inheritdoc />
    public bool Equals(IdentityKind other) => string.Equals(Name, other.Name, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Name ?? string.Empty);

    /// <inheritdoc />
    public override string ToString() => Name;
}
