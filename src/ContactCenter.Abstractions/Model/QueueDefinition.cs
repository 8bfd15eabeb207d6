using System.Collections.Immutable;

namespace ContactCenter;

/// <summary>A queue: what an agent needs to take its work, its service-level target and limits.</summary>
public sealed record QueueDefinition
{
    /// <summary>The queue's id.</summary>
    public required QueueId Id { get; init; }

    /// <summary>Name shown to supervisors.</summary>
    public string? DisplayName { get; init; }

    /// <summary>Skills an agent needs, with the minimum level.</summary>
    public ImmutableDictionary<string, int> RequiredSkills { get; init; } = ImmutableDictionary<string, int>.Empty.WithComparers(StringComparer.OrdinalIgnoreCase);

    /// <summary>The language an agent must speak, if any.</summary>
    public string? Language { get; init; }

    /// <summary>The tenant whose work this queue holds; only that tenant's agents take it.</summary>
    public TenantId? Tenant { get; init; }

    /// <summary>Base priority of the queue's work; higher first.</summary>
    public int Priority { get; init; }

    /// <summary>Service-level target: answer within this time. Default 20 s.</summary>
    public TimeSpan ServiceLevelTarget { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Most interactions allowed to wait; 0 means unlimited.</summary>
    public int MaxLength { get; init; }

    /// <summary>How long an agent has to accept an offer. Default 20 s.</summary>
    public TimeSpan OfferTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Where work goes when this queue is full or has no agent logged in.</summary>
    public QueueId? OverflowQueue { get; init; }
}
