namespace ContactCenter.Channels;

/// <summary>A message to send to a customer through a connector.</summary>
public sealed record OutboundMessage
{
    /// <summary>The id of the timeline event that holds it; the idempotency key for the connector.</summary>
    public required TimelineEventId Id { get; init; }

    /// <summary>The interaction it belongs to.</summary>
    public required InteractionId InteractionId { get; init; }

    /// <summary>The channel's conversation key.</summary>
    public required string ConversationKey { get; init; }

    /// <summary>The recipient.</summary>
    public required CustomerIdentity To { get; init; }

    /// <summary>The content.</summary>
    public required MessageContent Content { get; init; }

    /// <summary>The agent who wrote it, if any.</summary>
    public AgentId? Agent { get; init; }
}
