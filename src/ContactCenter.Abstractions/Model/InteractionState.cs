namespace ContactCenter;

/// <summary>Where an interaction is in its life. Legal moves are defined by <see cref="InteractionStateMachine"/>.</summary>
public enum InteractionState
{
    /// <summary>Just created by the hub; nothing has answered yet.</summary>
    New,

    /// <summary>An IVR menu or bot is handling it.</summary>
    InFlow,

    /// <summary>Waiting in a queue for an agent.</summary>
    Queued,

    /// <summary>Reserved for one agent (or several, ring-all) who has not accepted yet.</summary>
    Offered,

    /// <summary>An agent is working on it.</summary>
    Connected,

    /// <summary>The conversation is over; the agent is doing after-contact work.</summary>
    WrapUp,

    /// <summary>Handed to another queue, agent or number; a new interaction may follow.</summary>
    Transferred,

    /// <summary>Finished. Terminal.</summary>
    Closed,

    /// <summary>The customer left before an agent answered. Terminal.</summary>
    Abandoned,
}
