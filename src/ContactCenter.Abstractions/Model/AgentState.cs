namespace ContactCenter;

/// <summary>An agent's presence.</summary>
public enum AgentState
{
    /// <summary>Not logged in.</summary>
    Offline,

    /// <summary>Logged in and ready for work (up to capacity).</summary>
    Available,

    /// <summary>Logged in and working; takes no new offers until they set themselves available.</summary>
    Busy,

    /// <summary>Doing after-contact work.</summary>
    WrapUp,

    /// <summary>On a break, with a reason code.</summary>
    Break,
}
