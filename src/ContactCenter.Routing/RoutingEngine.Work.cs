using ContactCenter.Routing.Internal;

namespace ContactCenter.Routing;

// Offers, work and presence: accept, decline, time-out, complete, wrap-up, cancel, presence changes.
public sealed partial class RoutingEngine
{
    private RoutingStatus AcceptCore(OfferNode? offer, long now)
    {
        if (offer is null)
        {
            return RoutingStatus.OfferNotFound;
        }

        var node = offer.Interaction;
        var a = offer.Agent;
        var q = node.Queue;
        UnlinkOffer(offer);
        a.OfferedCount--;
        a.ConnectedCount++;
        a.Missed = 0;
        a.Assigned++;
        node.State = NodeState.Connected;
        node.Agent = a;
        node.ConnectedTicks = now;

        // Ring-all: the first accept wins; the others' reservations are released.
        while (node.Offers is { } other)
        {
            var otherAgent = other.Agent;
            ReleaseReservation(other, OfferEndReason.TakenByAnother, now);
            RefreshAgent(otherAgent, now);
            MatchAgent(otherAgent, now);
        }

        long waited = now - node.EnqueuedTicks;
        q.Answered++;
        if (waited <= q.ServiceLevelTicks)
        {
            q.AnsweredWithinTarget++;
        }

        if (q.LastAssignTicks != long.MinValue)
        {
            double interval = now - q.LastAssignTicks;
            q.AssignIntervalTicks = q.AssignIntervalTicks == 0 ? interval : (0.8 * q.AssignIntervalTicks) + (0.2 * interval);
        }

        q.LastAssignTicks = now;
        Raise(new OfferAcceptedEventArgs { Offer = offer.Id, Interaction = node.Id, Agent = a.Id, Queue = q.Id, Waited = TimeSpan.FromTicks(waited) });
        ReturnOffer(offer);
        RefreshAgent(a, now);
        return RoutingStatus.Ok;
    }

    private void DoDecline(in Command c, long now)
    {
        var offer = c.HasPreferred ? FindOffer(c.Id, c.Int1) : GetOffer(c.Id);
        if (offer is null)
        {
            Fail("Decline", c.Id, RoutingStatus.OfferNotFound);
            return;
        }

        OfferFailed(offer, OfferEndReason.Declined, now);
    }

    /// <summary>Decline, time-out or agent leaving: the reservation ends and the interaction returns to its original place.</summary>
    private void OfferFailed(OfferNode offer, OfferEndReason reason, long now)
    {
        var a = offer.Agent;
        var node = offer.Interaction;
        ReleaseReservation(offer, reason, now);
        if (reason == OfferEndReason.TimedOut)
        {
            a.Missed++;
            if (_missedBeforeAway > 0 && a.Missed >= _missedBeforeAway && a.Presence == AgentPresence.Available)
            {
                SetPresenceCore(a, AgentPresence.Away, "missed offers", now);
            }
        }
        else if (reason == OfferEndReason.Declined)
        {
            a.Missed = 0;
        }

        RefreshAgent(a, now);
        if (node.LiveOffers == 0 && node.State == NodeState.Offered)
        {
            node.State = NodeState.Waiting;
            node.Excluded = a;
            node.ExcludedUntil = now + _cooldownTicks;

            // Same key and sequence as before: it is back exactly where it was.
            if (Escalate(node, now, 0))
            {
                Place(node, now);
            }
        }

        MatchAgent(a, now);
    }

    /// <summary>Ends an offer: frees the agent's reserved capacity and reports why. Does not re-place the interaction.</summary>
    private void ReleaseReservation(OfferNode offer, OfferEndReason reason, long now)
    {
        var a = offer.Agent;
        var node = offer.Interaction;
        UnlinkOffer(offer);
        a.Load[(int)node.Media]--;
        a.TotalLoad--;
        a.OfferedCount--;
        if (a.TotalLoad == 0)
        {
            a.IdleSince = now;
        }

        Raise(new OfferEndedEventArgs { Offer = offer.Id, Interaction = node.Id, Agent = a.Id, Reason = reason });
        ReturnOffer(offer);
    }

    private void UnlinkOffer(OfferNode offer)
    {
        var node = offer.Interaction;
        if (node.Offers == offer)
        {
            node.Offers = offer.NextForInteraction;
        }
        else
        {
            for (var o = node.Offers; o is not null; o = o.NextForInteraction)
            {
                if (o.NextForInteraction == offer)
                {
                    o.NextForInteraction = offer.NextForInteraction;
                    break;
                }
            }
        }

        node.LiveOffers--;
        var a = offer.Agent;
        if (offer.PrevForAgent is not null)
        {
            offer.PrevForAgent.NextForAgent = offer.NextForAgent;
        }
        else
        {
            a.Offers = offer.NextForAgent;
        }

        if (offer.NextForAgent is not null)
        {
            offer.NextForAgent.PrevForAgent = offer.PrevForAgent;
        }

        offer.Live = false;
        _timers.Set(offer, long.MaxValue);
    }

    private void ReturnOffer(OfferNode offer)
    {
        offer.Interaction = null!;
        offer.Agent = null!;
        offer.NextForInteraction = null;
        offer.NextForAgent = null;
        offer.PrevForAgent = null;
        _freeOffers.Push(offer);
    }

    private void DoComplete(long id, long now)
    {
        if (!_interactions.TryGetValue(id, out var node))
        {
            Fail("Complete", id, RoutingStatus.InteractionNotFound);
            return;
        }

        if (node.State != NodeState.Connected)
        {
            Fail("Complete", id, RoutingStatus.InvalidState);
            return;
        }

        var a = node.Agent!;
        a.ConnectedCount--;
        a.TalkTicks += now - node.ConnectedTicks;
        long wrapUp = a.WrapUpTicks >= 0 ? a.WrapUpTicks : node.Queue.WrapUpTicks;
        if (wrapUp > 0 && !a.Removed)
        {
            node.State = NodeState.WrapUp;
            a.WrapUpCount++;
            _timers.Set(node, now + wrapUp);
            RefreshAgent(a, now);
            return;
        }

        FinishWork(node, now);
    }

    private void DoEndWrapUp(long id, long now)
    {
        if (!_interactions.TryGetValue(id, out var node) || node.State != NodeState.WrapUp)
        {
            Fail("EndWrapUp", id, node is null ? RoutingStatus.InteractionNotFound : RoutingStatus.InvalidState);
            return;
        }

        node.Agent!.WrapUpCount--;
        FinishWork(node, now);
    }

    /// <summary>The agent's slot is free again: the agent-freed path runs.</summary>
    private void FinishWork(InteractionNode node, long now)
    {
        var a = node.Agent!;
        a.Load[(int)node.Media]--;
        a.TotalLoad--;
        if (a.TotalLoad == 0)
        {
            a.IdleSince = now;
        }

        Forget(node);
        if (a.Removed && a.TotalLoad == 0)
        {
            _departed.Remove(a.Id);
        }

        RefreshAgent(a, now);
        MatchAgent(a, now);
    }

    private void OnInteractionTimer(InteractionNode node, long now)
    {
        if (node.State == NodeState.WrapUp)
        {
            node.Agent!.WrapUpCount--;
            FinishWork(node, now);
            return;
        }

        if (node.State != NodeState.Waiting)
        {
            return;
        }

        // Escalation, preferred-agent fallback or the end of a decline cooldown: take it out and place it again.
        RemoveWaiting(node);
        if (node.PreferredAgent is not null && now >= node.PreferredUntil)
        {
            node.PreferredAgent = null;
            node.PreferredUntil = long.MaxValue;
        }

        if (Escalate(node, now, 0))
        {
            Place(node, now);
        }
    }

    private RoutingStatus CancelCore(long id, long now)
    {
        if (!_interactions.TryGetValue(id, out var node))
        {
            return RoutingStatus.InteractionNotFound;
        }

        switch (node.State)
        {
            case NodeState.Waiting:
                RemoveWaiting(node);
                node.Queue.Abandoned++;
                Forget(node);
                return RoutingStatus.Ok;
            case NodeState.Offered:
                node.Queue.Abandoned++;
                node.State = NodeState.Free;
                while (node.Offers is { } offer)
                {
                    var a = offer.Agent;
                    ReleaseReservation(offer, OfferEndReason.Cancelled, now);
                    RefreshAgent(a, now);
                    MatchAgent(a, now);
                }

                Forget(node);
                return RoutingStatus.Ok;
            default:
                return RoutingStatus.InvalidState;
        }
    }

    private void SetPresenceCore(AgentRecord a, AgentPresence presence, string? reason, long now)
    {
        var old = a.Presence;
        if ((old == AgentPresence.Offline) != (presence == AgentPresence.Offline))
        {
            int delta = presence == AgentPresence.Offline ? -1 : 1;
            for (int i = 0; i < a.MembershipCount; i++)
            {
                a.Memberships[i].Pool.LoggedIn += delta;
            }
        }

        a.Presence = presence;
        a.PresenceReason = presence == AgentPresence.Available ? null : reason;
        if (presence == AgentPresence.Available)
        {
            a.Missed = 0;
            if (old != AgentPresence.Available && a.TotalLoad == 0)
            {
                a.IdleSince = now;
            }
        }

        if (presence == AgentPresence.Offline)
        {
            LeaveRouting(a, now);
        }

        RefreshAgent(a, now);
        if (presence == AgentPresence.Available)
        {
            MatchAgent(a, now);
        }
    }

    /// <summary>Revokes the agent's offers and releases interactions waiting for it as preferred agent.</summary>
    private void LeaveRouting(AgentRecord a, long now)
    {
        while (a.Offers is { } offer)
        {
            OfferFailed(offer, OfferEndReason.AgentLeft, now);
        }

        for (int m = 0; m < 4; m++)
        {
            var heap = a.Preferred[m];
            while (heap is { Count: > 0 })
            {
                var node = heap.Head;
                RemoveWaiting(node);
                node.PreferredAgent = null;
                node.PreferredUntil = long.MaxValue;
                Place(node, now);
            }
        }
    }

    private RoutingStatus RemoveAgentCore(AgentSlot id, long now)
    {
        if (!_agents.TryGetValue(id, out var a))
        {
            return RoutingStatus.AgentNotFound;
        }

        SetPresenceCore(a, AgentPresence.Offline, "removed", now);
        a.Removed = true;
        DropMemberships(a);
        _agents.Remove(id);
        if (a.TotalLoad > 0)
        {
            _departed[id] = a;
        }

        return RoutingStatus.Ok;
    }

    private RoutingStatus RestoreCore(long id, QueueSlot queue, AgentSlot agent, long now)
    {
        if (_interactions.ContainsKey(id))
        {
            return RoutingStatus.InvalidState;
        }

        if (!_queues.TryGetValue(queue, out var q))
        {
            return RoutingStatus.InvalidArgument;
        }

        if (!_agents.TryGetValue(agent, out var a))
        {
            return RoutingStatus.AgentNotFound;
        }

        if (Array.IndexOf(a.Tenants, q.Tenant) < 0)
        {
            return RoutingStatus.InvalidArgument;
        }

        var node = _freeNodes.Count > 0 ? _freeNodes.Pop() : new InteractionNode();
        node.Id = new InteractionSlot(id);
        node.Queue = q;
        node.State = NodeState.Connected;
        node.Agent = a;
        node.EnqueuedTicks = now;
        node.ConnectedTicks = now;
        node.Sequence = ++_sequence;
        _interactions.Add(id, node);
        a.Load[(int)q.Media]++;
        a.TotalLoad++;
        a.ConnectedCount++;
        RefreshAgent(a, now);
        return RoutingStatus.Ok;
    }
}
