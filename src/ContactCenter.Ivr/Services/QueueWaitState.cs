namespace ContactCenter.Ivr.Services;

/// <summary>Where a queued interaction stands.</summary>
public enum QueueWaitState
{
    /// <summary>Still waiting for an agent.</summary>
    Waiting = 0,

    /// <summary>An agent took it; the flow ends.</summary>
    Connected,

    /// <summary>The runtime removed it from the queue (closed, overflowed elsewhere); the flow ends.</summary>
    Removed,

    /// <summary>Still waiting, but an agent is being offered it right now: the customer must not hear that every
    /// agent is busy. Back to <see cref="Waiting"/> if the agent declines or the offer times out.</summary>
    Offered,
}
