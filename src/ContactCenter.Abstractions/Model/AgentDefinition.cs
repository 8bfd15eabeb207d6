using System.Collections.Immutable;

namespace ContactCenter;

/// <summary>
/// An agent as configured: skills with levels, languages, how much work of each media type they can hold at
/// once, and the tenants (client projects) they serve. An agent with no tenants serves work without a tenant only.
/// </summary>
public sealed record AgentDefinition
{
    /// <summary>The agent's id.</summary>
    public required AgentId Id { get; init; }

    /// <summary>Name shown to supervisors and, optionally, customers.</summary>
    public string? DisplayName { get; init; }

    /// <summary>Skills and levels (1 = basic … 10 = expert).</summary>
    public ImmutableDictionary<string, int> Skills { get; init; } = ImmutableDictionary<string, int>.Empty.WithComparers(StringComparer.OrdinalIgnoreCase);

    /// <summary>Languages spoken, as BCP 47 tags (<c>en</c>, <c>ru</c>).</summary>
    public ImmutableHashSet<string> Languages { get; init; } = ImmutableHashSet<string>.Empty.WithComparer(StringComparer.OrdinalIgnoreCase);

    /// <summary>Concurrent capacity per media type; a missing entry means the agent takes none. Default: one call, three chats, five emails, one task.</summary>
    public ImmutableDictionary<MediaType, int> Capacity { get; init; } = DefaultCapacity;

    /// <summary>The tenants this agent serves.</summary>
    public ImmutableHashSet<TenantId> Tenants { get; init; } = [];

    /// <summary>A copy with the given capacity per media type (<c>a => a.WithCapacity(chat: 1)</c>).</summary>
    public AgentDefinition WithCapacity(int voice = 1, int chat = 3, int email = 5, int task = 1) => this with
    {
        Capacity = ImmutableDictionary<MediaType, int>.Empty
            .Add(MediaType.Voice, voice).Add(MediaType.Chat, chat).Add(MediaType.Email, email).Add(MediaType.Task, task),
    };

    /// <summary>Default capacity: one call, three chats, five emails, one task.</summary>
    public static ImmutableDictionary<MediaType, int> DefaultCapacity { get; } = ImmutableDictionary<MediaType, int>.Empty
        .Add(MediaType.Voice, 1).Add(MediaType.Chat, 3).Add(MediaType.Email, 5).Add(MediaType.Task, 1);
}
