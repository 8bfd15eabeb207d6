using ContactCenter.Core.Agents;
using ContactCenter.Core.Routing;

namespace ContactCenter.Core.Hub;

/// <summary>The router's callbacks (<see cref="IRoutingListener"/>): each is posted to the loop as a command.</summary>
internal sealed partial class InteractionHub
{
    public void OnOffered(InteractionId interaction, AgentId agent, DateTimeOffset expiresAt, RoutingDecision? decision) => Post(tx =>
    {
        var session = GetAgent(agent)?.Session;
        if (!_active.TryGetValue(interaction, out var current) || session is null
            || current.State is not (InteractionState.Queued or InteractionState.Offered)
            || (current.State == InteractionState.Offered && !_active.OfferedTo.ContainsKey(interaction)))
        {
            tx.After(() => _router.DeclineOffer(interaction, agent));
            return;
        }

        var offered = current;
        if (current.State == InteractionState.Queued)
        {
            offered = Transition(tx, current, InteractionState.Offered, "offered", agent: agent) with { Agent = agent };
            Put(tx, offered);
            _active.OfferedTo[interaction] = [agent];
        }
        else
        {
            // Ring-all: the same interaction is offered to several agents at once; the first to accept wins.
            _active.OfferedTo[interaction].Add(agent);
        }

        if (decision is not null)
        {
            // Every assignment can say why, on the timeline for supervisors and quality reviews.
            tx.Append(new RoutingDecisionEvent { Id = TimelineEventId.New(tx.Now), InteractionId = interaction, Timestamp = tx.Now, Agent = agent, Decision = decision });
        }

        // Kept so that a session taking over (AgentLogInOptions.TakeOver) is told the offer again.
        var notification = new OfferNotification { InteractionId = interaction, Interaction = offered, ExpiresAt = expiresAt, Decision = decision };
        GetAgent(agent)!.Offers[interaction] = notification;
        tx.After(() => session.Notify(notification));
    });

    public void OnOfferExpired(InteractionId interaction, AgentId agent, OfferRevokedReason reason) => Post(tx =>
    {
        GetAgent(agent)?.Offers.Remove(interaction);
        var session = GetAgent(agent)?.Session;
        if (_active.TryGetValue(interaction, out var current) && current.State == InteractionState.Offered && IsOfferedTo(interaction, agent))
        {
            WithdrawOffer(tx, current, agent, reason);
        }
        else if (reason != OfferRevokedReason.TakenByAnother)
        {
            return;
        }

        if (session is not null)
        {
            tx.After(() => session.Notify(new OfferRevokedNotification { InteractionId = interaction, Reason = reason }));
        }
    });

    private bool IsOfferedTo(InteractionId interaction, AgentId agent)
        => _active.OfferedTo.TryGetValue(interaction, out var agents) && agents.Contains(agent);

    /// <summary>One agent's offer ends; when no agent holds an offer any more the interaction is back in its queue.</summary>
    private void WithdrawOffer(HubTransaction tx, Interaction current, AgentId agent, OfferRevokedReason reason)
    {
        var agents = _active.OfferedTo[current.Id];
        agents.Remove(agent);
        if (agents.Count == 0)
        {
            _active.OfferedTo.Remove(current.Id);
            Put(tx, Transition(tx, current, InteractionState.Queued, reason.ToTimelineReason(), agent: agent) with { Agent = null });
        }
        else if (current.Agent == agent)
        {
            Put(tx, current with { Agent = agents.First() });
        }
    }

    public void OnRequeued(InteractionId interaction, QueueId from, QueueId to, string reason) => Post(tx =>
    {
        if (_active.TryGetValue(interaction, out var current) && current.State == InteractionState.Queued)
        {
            Put(tx, Transition(tx, current, InteractionState.Queued, reason, queue: to) with { Queue = to });
        }
    });

    public void OnAgentAway(AgentId agent, string reason) => Post(tx =>
    {
        if (GetAgent(agent) is { Session: { } session, State: AgentState.Available } runtime)
        {
            // The router already stopped offering to the agent; the session and the counts must say so too.
            SetState(tx, runtime, AgentState.Break, reason);
            tx.After(() => session.Notify(new AgentStateChangedNotification { InteractionId = default, State = AgentState.Break, Reason = reason }));
        }
    });

    public void OnRejected(InteractionId interaction, QueueId queue, string reason) => Post(tx =>
    {
        if (_active.TryGetValue(interaction, out var current) && current.State is InteractionState.Queued)
        {
            Put(tx, Transition(tx, current, InteractionState.Closed, reason));
        }
    });
}
