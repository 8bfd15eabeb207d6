namespace ContactCenter.Routing;

/// <summary>The outcome of a routing operation.</summary>
public enum RoutingStatus
{
    /// <summary>Done (or, for asynchronous operations, accepted for processing).</summary>
    Ok = 0,

    /// <summary>The interaction is not known to the engine (or not in the state the operation needs).</summary>
    InteractionNotFound = 1,

    /// <summary>The agent is not known to the engine.</summary>
    AgentNotFound = 2,

    /// <summary>The offer does not exist any more: it was accepted, declined, timed out or revoked.</summary>
    OfferNotFound = 3,

    /// <summary>The interaction is in a state that does not allow the operation (e.g. completing a waiting interaction).</summary>
    InvalidState = 4,

    /// <summary>An argument was out of range; nothing changed.</summary>
    InvalidArgument = 5,

    /// <summary>The command ring is full; nothing changed; retry later.</summary>
    Backpressure = 6,

    /// <summary>The engine was disposed.</summary>
    Disposed = 7,
}

/// <summary>The outcome of a routing operation as a value: no exceptions on hot paths.</summary>
/// <param name="Status">What happened.</param>
public readonly record struct RoutingResult(RoutingStatus Status)
{
    /// <summary>Whether <see cref="Status"/> is <see cref="RoutingStatus.Ok"/>.</summary>
    public bool IsSuccess => Status == RoutingStatus.Ok;

    /// <summary>The successful result.</summary>
    public static RoutingResult Ok => default;
}
