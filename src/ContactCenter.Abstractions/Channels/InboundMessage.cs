using System.Collections.Immutable;

namespace ContactCenter.Channels;

/// <summary>Something a customer sent, as a connector hands it to the hub.</summary>
public sealed record InboundMessage
{
    /// <summary>The connector's name.</summary>
    public required string Channel { get; init; }

    /// <summary>The media type of the interaction this starts.</summary>
    public required MediaType Media { get; init; }

    /// <summary>The channel's key for the conversation (email thread, chat session, Call-ID). Messages with the same key thread into the same open interaction.</summary>
    public required string ConversationKey { get; init; }

    /// <summary>Who sent it.</summary>
    public required CustomerIdentity From { get; init; }

    /// <summary>The sender's name as the channel knows it.</summary>
    public string? DisplayName { get; init; }

    /// <summary>The channel's id for the message; a second message with the same id is a duplicate and is not stored again.</summary>
    public string? ExternalId { get; init; }

    /// <summary>The content. May be empty when <see cref="EndsInteraction"/> is set.</summary>
    public MessageContent Content { get; init; } = new();

    /// <summary>The channel position this message covers (IMAP UID, update offset); stored in the same transaction.</summary>
    public string? Checkpoint { get; init; }

    /// <summary>The customer left (hung up, closed the chat): the open interaction ends.</summary>
    public bool EndsInteraction { get; init; }

    /// <summary>The tenant the channel belongs to, if the channel is dedicated to one.</summary>
    public TenantId? Tenant { get; init; }

    /// <summary>Attributes to set on a new interaction (subject line, page URL, dialled number).</summary>
    public ImmutableDictionary<string, string> Attributes { get; init; } = ImmutableDictionary<string, string>.Empty;
}
