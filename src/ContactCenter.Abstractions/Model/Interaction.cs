using System.Collections.Immutable;

namespace ContactCenter;

/// <summary>
/// One contact in one channel — a call, an email thread, a chat session — as a projection of its
/// append-only timeline. Instances are immutable; the hub produces a new one for every change.
/// </summary>
public sealed record Interaction
{
    /// <summary>The interaction's id.</summary>
    public required InteractionId Id { get; init; }

    /// <summary>The customer it belongs to (the owner at creation; merges do not rewrite it).</summary>
    public required CustomerId CustomerId { get; init; }

    /// <summary>The name of the channel connector it runs in, for example <c>email:support</c>.</summary>
    public required string Channel { get; init; }

    /// <summary>The kind of work it is for an agent.</summary>
    public required MediaType Media { get; init; }

    /// <summary>The channel's key for the conversation: an email thread id, a chat session id, a SIP Call-ID.</summary>
    public required string ConversationKey { get; init; }

    /// <summary>The identity the customer used in this interaction.</summary>
    public required CustomerIdentity CustomerIdentity { get; init; }

    /// <summary>Current state.</summary>
    public InteractionState State { get; init; } = InteractionState.New;

    /// <summary>How it began.</summary>
    public InitiationKind Initiation { get; init; } = InitiationKind.Inbound;

    /// <summary>The tenant (client project) it belongs to, if any.</summary>
    public TenantId? Tenant { get; init; }

    /// <summary>The queue it is or was waiting in.</summary>
    public QueueId? Queue { get; init; }

    /// <summary>The agent it is offered to or connected with.</summary>
    public AgentId? Agent { get; init; }

    /// <summary>Routing priority: higher is served first (VIP).</summary>
    public int Priority { get; init; }

    /// <summary>When it was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it last changed.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>When it reached a terminal state.</summary>
    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>The interaction this one continues (a transfer, a callback, a new email in an old thread).</summary>
    public InteractionId? PreviousInteractionId { get; init; }

    /// <summary>Other interactions linked to this one.</summary>
    public ImmutableArray<InteractionId> RelatedInteractions { get; init; } = [];

    /// <summary>The cases this interaction touches.</summary>
    public ImmutableArray<CaseId> Cases { get; init; } = [];

    /// <summary>The wrap-up code the agent chose.</summary>
    public string? WrapUpCode { get; init; }

    /// <summary>Free-form attributes set by flows, connectors and agents.</summary>
    public ImmutableDictionary<string, string> Attributes { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>Number of timeline events applied so far; used for optimistic checks.</summary>
    public long Version { get; init; }

    /// <summary>Whether the interaction has reached a terminal state.</summary>
    public bool IsEnded => InteractionStateMachine.IsTerminal(State);

    /// <summary>Returns a copy in <paramref name="next"/> state, or throws if the move is illegal.</summary>
    /// <exception cref="InvalidInteractionTransitionException">The transition is not allowed.</exception>
    public Interaction TransitionTo(InteractionState next, DateTimeOffset at)
    {
        InteractionStateMachine.EnsureAllowed(Id, State, next);
        return this with
        {
            State = next,
            UpdatedAt = at,
            EndedAt = InteractionStateMachine.IsTerminal(next) ? at : EndedAt,
        };
    }
}
