namespace ContactCenter.Core.Routing;

/// <summary>
/// What the hub needs from a router: it tells the router about queues, agents and waiting interactions, and
/// the router decides who gets what, reporting decisions to an <see cref="IRoutingListener"/>. The router is
/// the authority on offers: an offer is final only when <see cref="TryAcceptOffer"/> returns
/// <see langword="true"/>. Implementations are thread-safe and never call the listener while holding a lock.
/// </summary>
public interface IInteractionRouter
{
    /// <summary>Starts routing; decisions go to <paramref name="listener"/>.</summary>
    void Start(IRoutingListener listener);

    /// <summary>Adds or replaces a queue.</summary>
    void ConfigureQueue(QueueDefinition queue);

    /// <summary>Adds or replaces an agent's definition (skills, capacity, tenants).</summary>
    void UpsertAgent(AgentDefinition agent);

    /// <summary>Sets an agent's presence; only <see cref="AgentState.Available"/> agents receive offers.</summary>
    void SetAgentState(AgentId agent, AgentState state);

    /// <summary>Puts an interaction in a queue (or back in it, keeping <see cref="RoutingRequest.EnqueuedAt"/> as its place).</summary>
    void Enqueue(RoutingRequest request);

    /// <summary>Takes an interaction out of routing (abandoned, closed, answered by a flow). Returns whether it was there.</summary>
    bool Remove(InteractionId interaction);

    /// <summary>Makes an offer final. Returns <see langword="false"/> if it expired, was revoked or was never made.</summary>
    bool TryAcceptOffer(InteractionId interaction, AgentId agent);

    /// <summary>The agent declined: the interaction goes back to its place in the queue.</summary>
    void DeclineOffer(InteractionId interaction, AgentId agent);

    /// <summary>Records that an agent already works on an interaction (after a restart), so that it counts against capacity.</summary>
    void Restore(InteractionId interaction, AgentId agent, MediaType media, QueueId? queue);

    /// <summary>The agent finished with the interaction: its capacity is free again.</summary>
    void Release(InteractionId interaction, AgentId agent);

    /// <summary>Where a waiting interaction stands, or <see langword="null"/> if it is not waiting.</summary>
    QueuePosition? GetPosition(InteractionId interaction);
}
