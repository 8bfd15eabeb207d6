using ContactCenter.Core.Agents;

namespace ContactCenter.Core.Routing;

/// <summary>Receives a router's decisions. Called from the router's threads, never under its locks.</summary>
public interface IRoutingListener
{
    /// <summary>The interaction is reserved for the agent until <paramref name="expiresAt"/>.</summary>
    /// <param name="interaction">The interaction.</param>
    /// <param name="agent">The agent.</param>
    /// <param name="expiresAt">When the offer lapses.</param>
    /// <param name="decision">Why this agent: the rule, strategy, candidates and scores, if the router says.</param>
    void OnOffered(InteractionId interaction, AgentId agent, DateTimeOffset expiresAt, RoutingDecision? decision);

    /// <summary>
    /// One agent's offer ended without an accept: <see cref="OfferRevokedReason.TimedOut"/>,
    /// <see cref="OfferRevokedReason.AgentLeft"/>, or (ring-all) <see cref="OfferRevokedReason.TakenByAnother"/>.
    /// When no other agent holds an offer the interaction is back in its queue.
    /// </summary>
    void OnOfferExpired(InteractionId interaction, AgentId agent, OfferRevokedReason reason);

    /// <summary>The interaction was moved to another queue by an overflow or escalation rule.</summary>
    void OnRequeued(InteractionId interaction, QueueId from, QueueId to, string reason);

    /// <summary>The router took an agent out of rotation (for example after too many missed offers).</summary>
    void OnAgentAway(AgentId agent, string reason);

    /// <summary>The interaction cannot be queued (queue full, no overflow).</summary>
    void OnRejected(InteractionId interaction, QueueId queue, string reason);
}
