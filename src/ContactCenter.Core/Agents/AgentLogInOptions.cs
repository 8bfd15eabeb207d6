namespace ContactCenter;

/// <summary>How an agent logs in (<see cref="IContactCenter.LogInAsync(AgentId, AgentLogInOptions, CancellationToken)"/>).</summary>
public sealed class AgentLogInOptions
{
    /// <summary>The presence after log-in; default <see cref="AgentState.Available"/>. Ignored when an existing session is taken over (its presence is kept).</summary>
    public AgentState InitialState { get; init; } = AgentState.Available;

    /// <summary>
    /// When the agent is already logged in (the host lost its <see cref="AgentSession"/>: a page reload, a workspace
    /// process restart), take the live session over instead of failing: the old session stops working
    /// (<see cref="AgentSession.IsLoggedOut"/>, its notifications complete), presence and assigned work stay, and the
    /// new session first receives an <see cref="OfferNotification"/> for each pending offer and an
    /// <see cref="AssignedInteractionNotification"/> for each interaction the agent works on or wraps up.
    /// </summary>
    public bool TakeOver { get; init; }
}
