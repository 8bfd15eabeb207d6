using System.Text;

namespace ContactCenter;

/// <summary>
/// One way to reach a customer: a kind and a value, normalized so that the same person written two ways is
/// the same identity (email addresses lower-cased, phone numbers reduced to <c>+</c> and digits).
/// </summary>
public readonly record struct CustomerIdentity
{
    /// <summary>Creates a normalized identity.</summary>
    /// <param name="kind">The identity's kind.</param>
    /// <param name="value">The value as the channel gave it.</param>
    /// <exception cref="ArgumentException">The value is empty.</exception>
    public CustomerIdentity(IdentityKind kind, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        ArgumentException.ThrowIfNullOrWhiteSpace(kind.Name, nameof(kind));
        Kind = new IdentityKind(kind.Name.Trim().ToLowerInvariant());
        Value = Normalize(Kind, value.Trim());
    }

    /// <summary>The identity's kind.</summary>
    public IdentityKind Kind { get; }

    /// <summary>The normalized value.</summary>
    public string Value { get; }

    /// <summary>A phone identity.</summary>
    public static CustomerIdentity Phone(string number) => new(IdentityKind.Phone, number);

    /// <summary>An email identity.</summary>
    public static CustomerIdentity Email(string address) => new(IdentityKind.Email, address);

    /// <summary>A Telegram identity.</summary>
    public static CustomerIdentity Telegram(long userId) => new(IdentityKind.Telegram, userId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>A web visitor identity.</summary>
    public static CustomerIdentity WebVisitor(string visitorId) => new(IdentityKind.WebVisitor, visitorId);

    /// <summary>Parses the <c>kind:value</c> form produced by <see cref="ToString"/>.</summary>
    public static CustomerIdentity Parse(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == text.Length - 1)
        {
            throw new FormatException($"'{text}' is not a customer identity of the form kind:value.");
        }

        return new CustomerIdentity(new IdentityKind(text[..colon]), text[(colon + 1)..]);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Kind.Name}:{Value}";

    private static string Normalize(IdentityKind kind, string value)
    {
        if (kind == IdentityKind.Email)
        {
            return value.ToLowerInvariant();
        }

        if (kind == IdentityKind.Phone)
        {
            var sb = new StringBuilder(value.Length);
            foreach (var c in value)
            {
                if (char.IsAsciiDigit(c) || (c == '+' && sb.Length == 0))
                {
                    sb.Append(c);
                }
            }

            return sb.Length == 0 ? value : sb.ToString();
        }

        return value;
    }
}
