using System.Collections.Immutable;

namespace ContactCenter;

/// <summary>
/// One person with many identities. When two customers are merged the absorbed one points at the surviving
/// one through <see cref="MergedInto"/>; its interactions keep their original owner, so an un-merge restores
/// both histories exactly.
/// </summary>
public sealed record Customer
{
    /// <summary>The customer's id.</summary>
    public required CustomerId Id { get; init; }

    /// <summary>The name to show agents, if known.</summary>
    public string? DisplayName { get; init; }

    /// <summary>When the customer was first seen.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The customer this one was merged into, or <see langword="null"/>.</summary>
    public CustomerId? MergedInto { get; init; }

    /// <summary>Free-form attributes (VIP flag, CRM id, preferred language...).</summary>
    public ImmutableDictionary<string, string> Attributes { get; init; } = ImmutableDictionary<string, string>.Empty;
}
