namespace ContactCenter;

/// <summary>Something an agent's workspace must show: an offer, a message, an ended conversation.</summary>
public abstract record AgentNotification
{
    /// <summary>The interaction it is about.</summary>
    public required InteractionId InteractionId { get; init; }
}

/// <summary>An interaction is offered to the agent until <see cref="ExpiresAt"/>.</summary>
public sealed record OfferNotification : AgentNotification
{
    /// <summary>The interaction as it was when offered.</summary>
    public required Interaction Interaction { get; init; }

    /// <summary>When the offer lapses.</summary>
    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>Why the router chose this agent (rule, strategy, candidates, scores), if it says.</summary>
    public RoutingDecision? Decision { get; init; }

    /// <summary>The router's decision in a sentence for the agent, if it says.</summary>
    public string? Explanation => Decision?.ToString();
}

/// <summary>An offer lapsed or was withdrawn.</summary>
public sealed record OfferRevokedNotification : AgentNotification
{
    /// <summary>Why, for example <see cref="OfferRevokedReason.TimedOut"/> or <see cref="OfferRevokedReason.Abandoned"/>.</summary>
    public required OfferRevokedReason Reason { get; init; }
}

/// <summary>The agent's presence was changed for them (for example set to a break after too many missed offers).</summary>
public sealed record AgentStateChangedNotification : AgentNotification
{
    /// <summary>The new state.</summary>
    public required AgentState State { get; init; }

    /// <summary>Why, for example <c>missed-offers</c>.</summary>
    public required string Reason { get; init; }
}

/// <summary>A message arrived on an interaction the agent works on.</summary>
public sealed record MessageNotification : AgentNotification
{
    /// <summary>The message.</summary>
    public required MessageEvent Message { get; init; }
}

/// <summary>The customer left an interaction the agent works on; it is now in wrap-up.</summary>
public sealed record InteractionEndedNotification : AgentNotification
{
    /// <summary>Why, for example <c>customer-left</c>.</summary>
    public required string Reason { get; init; }
}

/// <summary>A message the agent sent could not be delivered to the customer; the channel gave up after retries.</summary>
public sealed record DeliveryFailedNotification : AgentNotification
{
    /// <summary>The timeline event that records the failure.</summary>
    public required DeliveryEvent Delivery { get; init; }
}

/// <summary>
/// An interaction the agent works on or wraps up, told to a session that took over from a lost one
/// (<see cref="AgentLogInOptions.TakeOver"/>), so that the workspace can show it again.
/// </summary>
public sealed record AssignedInteractionNotification : AgentNotification
{
    /// <summary>The interaction as it is now (connected or in wrap-up).</summary>
    public required Interaction Interaction { get; init; }
}
