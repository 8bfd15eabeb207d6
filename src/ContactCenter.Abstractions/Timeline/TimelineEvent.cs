using System.Collections.Immutable;
using System.Globalization;
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

    /// <summary>The event as a sentence a person reads: when, which interaction, what happened.</summary>
    /// <returns>For example <c>2026-12-02 17:05:19.000 UTC, interaction 3f…: state changed from Queued to Offered.</c></returns>
    public override string ToString() => Sentence("something happened");

    /// <summary>Prefixes <paramref name="what"/> with the time (UTC) and the interaction, and ends the sentence.</summary>
    private protected string Sentence(string what)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{Timestamp.UtcDateTime:yyyy-MM-dd HH:mm:ss.fff} UTC, interaction {InteractionId}: {what}");
        return text.EndsWith('.') ? text : text + ".";
    }

    /// <summary>Quotes a value for a sentence.</summary>
    private protected static string Quote(string? value) => value is null ? "(none)" : "'" + value + "'";
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

    /// <inheritdoc />
    public override string ToString() => Sentence(
        $"opened on channel {Quote(Channel)} ({Media}) by customer {CustomerIdentity} (conversation {Quote(ConversationKey)}, {Initiation})"
        + (PreviousInteractionId is { } previous ? $", continuing interaction {previous}" : string.Empty));
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

    /// <inheritdoc />
    public override string ToString() => Sentence(
        (Direction == MessageDirection.Inbound ? "message from the customer" : Agent is { } agent ? $"message from agent {agent} to the customer" : "message to the customer")
        + ": " + Content + (ExternalId is null ? string.Empty : $" (channel id {Quote(ExternalId)})"));
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

    /// <inheritdoc />
    public override string ToString() => Sentence(
        $"state changed from {From} to {To}"
        + (Reason is null ? string.Empty : $" because of {Reason}")
        + (Queue is { } queue ? $", queue {queue}" : string.Empty)
        + (Agent is { } agent ? $", agent {agent}" : string.Empty));
}

/// <summary>A case was linked to (or unlinked from) the interaction.</summary>
public sealed record CaseLinkEvent : TimelineEvent
{
    /// <summary>The case.</summary>
    public required CaseId Case { get; init; }

    /// <summary><see langword="true"/> when linked, <see langword="false"/> when unlinked.</summary>
    public bool Linked { get; init; } = true;

    /// <inheritdoc />
    public override string ToString() => Sentence(Linked ? $"linked to case {Case}" : $"unlinked from case {Case}");
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

    /// <inheritdoc />
    public override string ToString() => Sentence(
        $"agent {Agent} wrapped up with code {Quote(Code)}" + (string.IsNullOrEmpty(Notes) ? string.Empty : $" and notes {Quote(Notes)}"));
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

    /// <inheritdoc />
    public override string ToString()
    {
        var where = Node is null ? $"flow {Quote(Flow)} finished" : $"flow {Quote(Flow)} reached node {Quote(Node)}";
        return Sentence(Variables.IsEmpty
            ? where + " with no variables"
            : where + " with " + string.Join(", ", Variables.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key} = {Quote(v.Value)}")));
    }
}

/// <summary>A custom attribute was set on the interaction.</summary>
public sealed record AttributeSetEvent : TimelineEvent
{
    /// <summary>The attribute's key.</summary>
    public required string Key { get; init; }

    /// <summary>The new value; <see langword="null"/> removes it.</summary>
    public string? Value { get; init; }

    /// <inheritdoc />
    public override string ToString() => Sentence(Value is null ? $"attribute {Quote(Key)} removed" : $"attribute {Quote(Key)} set to {Quote(Value)}");
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

    /// <inheritdoc />
    public override string ToString() => Sentence(
        (Delivered ? $"message {MessageId} delivered" : $"message {MessageId} not delivered")
        + string.Create(CultureInfo.InvariantCulture, $" after {Attempts} {(Attempts == 1 ? "attempt" : "attempts")}")
        + (ExternalId is null ? string.Empty : $" (channel id {Quote(ExternalId)})")
        + (Error is null ? string.Empty : $": {Error}"));
}

/// <summary>Anything else worth a line on the timeline (a note, a system notice).</summary>
public sealed record SystemEvent : TimelineEvent
{
    /// <summary>A stable kind such as <c>note</c> or <c>recovered</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>Human-readable text.</summary>
    public string? Text { get; init; }

    /// <inheritdoc />
    public override string ToString() => Sentence(string.IsNullOrEmpty(Text) ? $"system notice {Quote(Kind)}" : $"system notice {Quote(Kind)}: {Text}");
}
