using System.Collections.Immutable;

namespace ContactCenter;

/// <summary>An interaction the contact center starts itself: outbound, a callback, a transfer leg or an API task.</summary>
public sealed record NewInteraction
{
    /// <summary>The channel connector to run it in.</summary>
    public required string Channel { get; init; }

    /// <summary>Its media type.</summary>
    public required MediaType Media { get; init; }

    /// <summary>The customer to contact.</summary>
    public required CustomerIdentity Customer { get; init; }

    /// <summary>How it begins. Default <see cref="InitiationKind.Api"/>.</summary>
    public InitiationKind Initiation { get; init; } = InitiationKind.Api;

    /// <summary>The channel's conversation key; default: a new unique key.</summary>
    public string? ConversationKey { get; init; }

    /// <summary>The interaction this one continues (the call a callback was asked on); both are linked.</summary>
    public InteractionId? PreviousInteraction { get; init; }

    /// <summary>The queue to put it in; default: the channel's queue (or its flow).</summary>
    public QueueId? Queue { get; init; }

    /// <summary>Routing priority.</summary>
    public int Priority { get; init; }

    /// <summary>An agent to offer it to first (the agent who starts an outbound conversation).</summary>
    public AgentId? PreferredAgent { get; init; }

    /// <summary>Attributes to set.</summary>
    public ImmutableDictionary<string, string> Attributes { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>A first message to send to the customer, if any.</summary>
    public MessageContent? FirstMessage { get; init; }
}
