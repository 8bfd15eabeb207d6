using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace ContactCenter;

/// <summary>
/// One entry on an interaction's append-only timeline. Entries are never changed or removed; the
/// <see cref="Interaction"/> record is a projection of them.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$type")]
[JsonDerivedType(typeof(InteractionCreatedEvent), "created")]
[JsonDerivedType(typeof(MessageEvent), "message")]
[JsonDerivedType(typeof(StateChangedEvent), "state")]
[JsonDerivedType(typeof(CaseLinkEvent), "case")]
[JsonDerivedType(typeof(WrapUpEvent), "wrapup")]
[JsonDerivedType(typeof(FlowProgressEvent), "flow")]
[JsonDerivedType(typeof(AttributeSetEvent), "attribute")]
[JsonDerivedType(typeof(DeliveryEvent), "delivery")]
[JsonDerivedType(typeof(SystemEvent), "system")]
[JsonDerivedType(typeof(RoutingDecisionEvent), "routing")]
public abstract record TimelineEvent
{
    /// <summary>Stable, time-ordered id.</summary>
    public required TimelineEventId Id { get; init; }

    /// <summary>The interaction the event belongs to.</summary>
    public required InteractionId InteractionId { get; init; }

    /// <summary>When it happened, from the hub's <see cref="TimeProvider"/>.</summary>
    public required DateTimeOffset Timestamp { get; init; }
}

/// <summary>The interaction was opened.</summary>
public sealed record InteractionCreatedEvent : TimelineEvent
{
    /// <summary>The channel connector's name.</summary>
    public required string Channel { get; init; }

    /// <summary>The media type.</summary>
    public required MediaType Media { get; init; }

    /// <summary>The owning customer.</summary>
    public required CustomerId CustomerId { get; init; }

    /// <summary>The identity used.</summary>
    public required CustomerIdentity CustomerIdentity { get; init; }

    /// <summary>The channel's conversation key.</summary>
    public required string ConversationKey { get; init; }

    /// <summary>How it began.</summary>
    public InitiationKind Initiation { get; init; }

    /// <summary>The interaction it continues, if any.</summary>
    public InteractionId? PreviousInteractionId { get; init; }
}

/// <summary>A message from or to the customer.</summary>
public sealed record MessageEvent : TimelineEvent
{
    /// <summary>Inbound or outbound.</summary>
    public required MessageDirection Direction { get; init; }

    /// <summary>What it says.</summary>
    public required MessageContent Content { get; init; }

    /// <summary>The channel's own id for the message (used to drop duplicates), if it has one.</summary>
    public string? ExternalId { get; init; }

    /// <summary>The agent who wrote an outbound message; <see langword="null"/> for flows and the system.</summary>
    public AgentId? Agent { get; init; }
}

/// <summary>The interaction's state changed.</summary>
public sealed record StateChangedEvent : TimelineEvent
{
    /// <summary>The previous state.</summary>
    public required InteractionState From { get; init; }

    /// <summary>The new state.</summary>
    public required InteractionState To { get; init; }

    /// <summary>Why, in a word or two (for example <c>offer-timeout</c>).</summary>
    public string? Reason { get; init; }

    /// <summary>The queue involved, if any.</summary>
    public QueueId? Queue { get; init; }

    /// <summary>The agent involved, if any.</summary>
    public AgentId? Agent { get; init; }
}

/// <summary>A case was linked to (or unlinked from) the interaction.</summary>
public sealed record CaseLinkEvent : TimelineEvent
{
    /// <summary>The case.</summary>
    public required CaseId Case { get; init; }

    /// <summary><see langword="true"/> when linked, <see langword="false"/> when unlinked.</summary>
    public bool Linked { get; init; } = true;
}

/// <summary>The agent finished after-contact work with a wrap-up code.</summary>
public sealed record WrapUpEvent : TimelineEvent
{
    /// <summary>The agent.</summary>
    public required AgentId Agent { get; init; }

    /// <summary>The code chosen from the configured wrap-up codes.</summary>
    public required string Code { get; init; }

    /// <summary>Free text notes.</summary>
    public string? Notes { get; init; }
}

/// <summary>A flow (IVR or bot) reached a node; with its variables this is enough to resume after a restart.</summary>
public sealed record FlowProgressEvent : TimelineEvent
{
    /// <summary>The flow's name.</summary>
    public required string Flow { get; init; }

    /// <summary>The node the flow is at, or <see langword="null"/> when it finished.</summary>
    public string? Node { get; init; }

    /// <summary>The flow's variables at that point.</summary>
    public ImmutableDictionary<string, string> Variables { get; init; } = ImmutableDictionary<string, string>.Empty;
}

/// <summary>A custom attribute was set on the interaction.</summary>
public sealed record AttributeSetEvent : TimelineEvent
{
    /// <summary>The attribute's key.</summary>
    public required string Key { get; init; }

    /// <summary>The new value; <see langword="null"/> removes it.</summary>
    public string? Value { get; init; }
}

/// <summary>The outcome of sending an outbound message through its channel.</summary>
public sealed record DeliveryEvent : TimelineEvent
{
    /// <summary>The <see cref="MessageEvent"/> that was sent.</summary>
    public required TimelineEventId MessageId { get; init; }

    /// <summary>Whether the channel accepted it.</summary>
    public required bool Delivered { get; init; }

    /// <summary>The channel's id for the sent message, if any.</summary>
    public string? ExternalId { get; init; }

    /// <summary>The error when not delivered.</summary>
    public string? Error { get; init; }

    /// <summary>How many attempts were made.</summary>
    public int Attempts { get; init; } = 1;
}

/// <summary>Anything else worth a line on the timeline (a note, a system notice).</summary>
public sealed record SystemEvent : TimelineEvent
{
    /// <summary>A stable kind such as <c>note</c> or <c>recovered</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>Human-readable text.</summary>
    public string? Text { get; init; }
}
