namespace ContactCenter;

/// <summary>Why an agent's offer ended without the agent accepting it.</summary>
public enum OfferRevokedReason
{
    /// <summary>The agent declined.</summary>
    Declined,

    /// <summary>The agent did not accept in time.</summary>
    TimedOut,

    /// <summary>The agent left routing (logged off or was removed) while the offer was open.</summary>
    AgentLeft,

    /// <summary>Another agent offered the same interaction accepted first (ring-all).</summary>
    TakenByAnother,

    /// <summary>The customer left before anyone accepted.</summary>
    Abandoned,

    /// <summary>The interaction left the queue, back to its flow.</summary>
    LeftQueue,
}

/// <summary>The words an offer's end leaves on the timeline (<see cref="StateChangedEvent.Reason"/>); stored, so stable.</summary>
internal static class OfferRevokedReasons
{
    public static string ToTimelineReason(this OfferRevokedReason reason) => reason switch
    {
        OfferRevokedReason.Declined => "declined",
        OfferRevokedReason.TimedOut => "offer-timeout",
        OfferRevokedReason.AgentLeft => "agent-left",
        OfferRevokedReason.TakenByAnother => "taken-by-another",
        OfferRevokedReason.Abandoned => "abandoned",
        OfferRevokedReason.LeftQueue => "left-queue",
        _ => reason.ToString(),
    };
}
