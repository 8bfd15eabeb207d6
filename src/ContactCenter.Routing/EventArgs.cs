namespace ContactCenter.Routing;

/// <summary>An interaction is offered to (reserved for) an agent until accepted, declined or timed out.</summary>
public readonly record struct OfferEventArgs
{
    /// <summary>The offer; pass it to <see cref="RoutingEngine.Accept(OfferId)"/> or <see cref="RoutingEngine.Decline(OfferId)"/>.</summary>
    public OfferId Offer { get; init; }

    /// <summary>The interaction.</summary>
    public InteractionSlot Interaction { get; init; }

    /// <summary>The agent.</summary>
    public AgentSlot Agent { get; init; }

    /// <summary>The queue the interaction waits in.</summary>
    public QueueSlot Queue { get; init; }

    /// <summary>The interaction's medium.</summary>
    public RoutingMedia Media { get; init; }

    /// <summary>How long the agent has to accept.</summary>
    public TimeSpan Timeout { get; init; }

    /// <summary>How long the interaction has waited.</summary>
    public TimeSpan Waited { get; init; }

    /// <summary>Whether other agents got the same offer at the same time (ring-all; first accept wins).</summary>
    public bool IsRingAll { get; init; }

    /// <summary>Why this agent got it.</summary>
    public RoutingExplanation Explanation { get; init; }
}

/// <summary>An offer ended without being accepted (the interaction went back to its place, or was cancelled).</summary>
public readonly record struct OfferEndedEventArgs
{
    /// <summary>The offer.</summary>
    public OfferId Offer { get; init; }

    /// <summary>The interaction.</summary>
    public InteractionSlot Interaction { get; init; }

    /// <summary>The agent.</summary>
    public AgentSlot Agent { get; init; }

    /// <summary>Why it ended.</summary>
    public OfferEndReason Reason { get; init; }
}

/// <summary>An offer was accepted: the interaction is connected to the agent, finally.</summary>
public readonly record struct OfferAcceptedEventArgs
{
    /// <summary>The offer.</summary>
    public OfferId Offer { get; init; }

    /// <summary>The interaction.</summary>
    public InteractionSlot Interaction { get; init; }

    /// <summary>The agent.</summary>
    public AgentSlot Agent { get; init; }

    /// <summary>The queue.</summary>
    public QueueSlot Queue { get; init; }

    /// <summary>Time from enqueue to accept.</summary>
    public TimeSpan Waited { get; init; }
}

/// <summary>A new interaction was not queued; the host rejects it or offers a callback.</summary>
public readonly record struct InteractionRejectedEventArgs
{
    /// <summary>The interaction.</summary>
    public InteractionSlot Interaction { get; init; }

    /// <summary>The queue that did not take it (the last one tried after overflows).</summary>
    public QueueSlot Queue { get; init; }

    /// <summary>Why.</summary>
    public RejectReason Reason { get; init; }

    /// <summary><see cref="QueueFallback.Reject"/> or <see cref="QueueFallback.OfferCallback"/>.</summary>
    public QueueFallback Fallback { get; init; }
}

/// <summary>An interaction moved to another queue (overflow or escalation), keeping its place in time.</summary>
public readonly record struct InteractionMovedEventArgs
{
    /// <summary>The interaction.</summary>
    public InteractionSlot Interaction { get; init; }

    /// <summary>The queue it left.</summary>
    public QueueSlot From { get; init; }

    /// <summary>The queue it entered.</summary>
    public QueueSlot To { get; init; }

    /// <summary>Why.</summary>
    public MoveReason Reason { get; init; }
}

/// <summary>An interaction's requirements were relaxed by an escalation step.</summary>
public readonly record struct InteractionEscalatedEventArgs
{
    /// <summary>The interaction.</summary>
    public InteractionSlot Interaction { get; init; }

    /// <summary>The queue.</summary>
    public QueueSlot Queue { get; init; }

    /// <summary>Steps applied so far (1 = the first step).</summary>
    public int Step { get; init; }
}

/// <summary>An agent's status changed.</summary>
public readonly record struct AgentStatusChangedEventArgs
{
    /// <summary>The agent.</summary>
    public AgentSlot Agent { get; init; }

    /// <summary>The previous status.</summary>
    public AgentStatus Previous { get; init; }

    /// <summary>The new status.</summary>
    public AgentStatus Current { get; init; }

    /// <summary>The break reason, when on a break.</summary>
    public string? Reason { get; init; }
}

/// <summary>An asynchronous command could not be applied.</summary>
public readonly record struct CommandFailedEventArgs
{
    /// <summary>The command, e.g. "Complete".</summary>
    public string Command { get; init; }

    /// <summary>The interaction or offer id it was about.</summary>
    public long Subject { get; init; }

    /// <summary>Why.</summary>
    public RoutingStatus Status { get; init; }
}

/// <summary>A strategy picked an agent (raised to the strategy's <c>OnAgentSelected</c> callback).</summary>
public readonly record struct AgentSelectedArguments
{
    /// <summary>The interaction.</summary>
    public InteractionSlot Interaction { get; init; }

    /// <summary>The chosen agent.</summary>
    public AgentSlot Agent { get; init; }

    /// <summary>The queue.</summary>
    public QueueSlot Queue { get; init; }

    /// <summary>Why.</summary>
    public RoutingExplanation Explanation { get; init; }
}
