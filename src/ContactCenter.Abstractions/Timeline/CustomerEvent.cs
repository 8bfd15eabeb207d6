using System.Text.Json.Serialization;

namespace ContactCenter;

/// <summary>An entry on a customer's audit trail: identities linked, customers merged and un-merged.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$type")]
[JsonDerivedType(typeof(CustomerCreatedEvent), "created")]
[JsonDerivedType(typeof(IdentityLinkedEvent), "identity-linked")]
[JsonDerivedType(typeof(CustomersMergedEvent), "merged")]
[JsonDerivedType(typeof(CustomerUnmergedEvent), "unmerged")]
public abstract record CustomerEvent
{
    /// <summary>Stable, time-ordered id.</summary>
    public required TimelineEventId Id { get; init; }

    /// <summary>The customer whose trail it is on.</summary>
    public required CustomerId CustomerId { get; init; }

    /// <summary>When it happened.</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>Who did it (an agent id, <c>system</c>, a connector name).</summary>
    public string? Actor { get; init; }
}

/// <summary>A customer was created on first contact.</summary>
public sealed record CustomerCreatedEvent : CustomerEvent
{
    /// <summary>The identity that created it.</summary>
    public required CustomerIdentity Identity { get; init; }
}

/// <summary>An identity was linked to the customer (moved from <see cref="PreviousOwner"/> if it had one).</summary>
public sealed record IdentityLinkedEvent : CustomerEvent
{
    /// <summary>The identity.</summary>
    public required CustomerIdentity Identity { get; init; }

    /// <summary>The customer the identity belonged to before, if any.</summary>
    public CustomerId? PreviousOwner { get; init; }
}

/// <summary><see cref="Absorbed"/> was merged into this customer.</summary>
public sealed record CustomersMergedEvent : CustomerEvent
{
    /// <summary>The customer that now points at this one.</summary>
    public required CustomerId Absorbed { get; init; }
}

/// <summary>A merge was undone: <see cref="Absorbed"/> stands on its own again.</summary>
public sealed record CustomerUnmergedEvent : CustomerEvent
{
    /// <summary>The customer split off.</summary>
    public required CustomerId Absorbed { get; init; }
}
