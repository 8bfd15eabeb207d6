using ContactCenter.Routing.Internal;

namespace ContactCenter.Routing;

// Matching both ways: a new interaction finds an agent; a freed agent finds an interaction.
public sealed partial class RoutingEngine
{
    private const int MaxOverflowHops = 8;

    private readonly Dictionary<long, InteractionNode> _interactions = [];
    private const int OfferSlotBits = 24;

    // Offers live in slots; an OfferId is (generation << 24) | slot, so finding an offer is an array index
    // and a comparison instead of a dictionary lookup, and a stale id never matches a reused slot.
    private OfferNode[] _offerSlots = new OfferNode[64];
    private int _offerSlotCount;
    private readonly Stack<InteractionNode> _freeNodes = new();
    private readonly Stack<OfferNode> _freeOffers = new();
    private readonly TimerHeap _timers = new();
    private readonly AgentRecord[] _ringBuffer = new AgentRecord[RoutingLimits.MaxRingAll];
    private long _sequence;
    private long _offerSequence;
    private long _offerIds;
    private Func<InteractionNode, bool>? _skipExcluded;
    private AgentRecord? _peekAgent;
    private long _peekNow;

    private void DoEnqueue(in Command c, long now)
    {
        var queueId = new QueueSlot(c.Int1);
        if (_interactions.ContainsKey(c.Id))
        {
            Raise(new InteractionRejectedEventArgs { Interaction = new InteractionSlot(c.Id), Queue = queueId, Reason = RejectReason.DuplicateInteraction, Fallback = QueueFallback.Reject });
            return;
        }

        if (!_queues.TryGetValue(queueId, out var q))
        {
            Raise(new InteractionRejectedEventArgs { Interaction = new InteractionSlot(c.Id), Queue = queueId, Reason = RejectReason.UnknownQueue, Fallback = QueueFallback.Reject });
            return;
        }

        var node = _freeNodes.Count > 0 ? _freeNodes.Pop() : new InteractionNode();
        node.Id = new InteractionSlot(c.Id);
        node.Priority = c.Int2 >= 0 ? c.Int2 : q.DefaultPriority;
        node.EnqueuedTicks = now - c.Ticks1;
        node.Sequence = ++_sequence;
        if (c.HasPreferred && _agents.TryGetValue(new AgentSlot(c.Int3), out var preferred)
            && Array.IndexOf(preferred.Tenants, q.Tenant) >= 0 && preferred.Capacity[(int)q.Media] > 0)
        {
            node.PreferredAgent = preferred;
            node.PreferredUntil = now + c.Ticks2;
        }

        _interactions.Add(c.Id, node);
        EnterQueue(node, q, now, 0);
    }

    /// <summary>Admits the interaction to <paramref name="q"/> (or applies the queue's fallback) and places it.</summary>
    private void EnterQueue(InteractionNode node, QueueState q, long now, int hops)
    {
        RejectReason reason = default;
        QueueFallback fallback = QueueFallback.Wait;
        if (q.MaxLength > 0 && q.Waiting >= q.MaxLength)
        {
            reason = RejectReason.QueueFull;
            fallback = q.WhenFull;
        }
        else if (q.WhenNoAgents != QueueFallback.Wait && q.LoggedIn == 0)
        {
            reason = RejectReason.NoAgentsLoggedIn;
            fallback = q.WhenNoAgents;
        }

        if (fallback != QueueFallback.Wait)
        {
            if (fallback == QueueFallback.Overflow)
            {
                if (hops < MaxOverflowHops && q.OverflowQueue is { } to && _queues.TryGetValue(to, out var target))
                {
                    Raise(new InteractionMovedEventArgs
                    {
                        Interaction = node.Id,
                        From = q.Id,
                        To = to,
                        Reason = reason == RejectReason.QueueFull ? MoveReason.QueueFull : MoveReason.NoAgentsLoggedIn,
                    });
                    EnterQueue(node, target, now, hops + 1);
                    return;
                }

                reason = RejectReason.OverflowLoop;
                fallback = QueueFallback.Reject;
            }

            q.Rejected++;
            Raise(new InteractionRejectedEventArgs { Interaction = node.Id, Queue = q.Id, Reason = reason, Fallback = fallback });
            Forget(node);
            return;
        }

        node.Queue = q;
        node.State = NodeState.Waiting;
        node.Tier = 0;
        node.NextStep = 0;
        node.Key = node.EnqueuedTicks - (node.Priority * q.PriorityStepTicks);
        if (Escalate(node, now, hops))
        {
            Place(node, now);
        }
    }

    /// <summary>
    /// Applies the escalation steps that are due. Returns false when a step moved the interaction to another
    /// queue (it is then already placed or rejected there).
    /// </summary>
    private bool Escalate(InteractionNode node, long now, int hops)
    {
        var q = node.Queue;
        var steps = q.Steps;
        int before = node.NextStep;
        while (node.NextStep < steps.Length)
        {
            var s = steps[node.NextStep];
            bool due = (s.AfterWaitTicks >= 0 && now - node.EnqueuedTicks >= s.AfterWaitTicks)
                || (s.QueueLengthAtLeast > 0 && q.Waiting >= s.QueueLengthAtLeast);
            if (!due)
            {
                break;
            }

            node.NextStep++;
            if (s.OverflowTo is { } to && _queues.TryGetValue(to, out var target))
            {
                node.NextEscalationDue = long.MaxValue;
                Raise(new InteractionMovedEventArgs { Interaction = node.Id, From = q.Id, To = to, Reason = MoveReason.Escalation });
                if (hops >= MaxOverflowHops)
                {
                    q.Rejected++;
                    Raise(new InteractionRejectedEventArgs { Interaction = node.Id, Queue = to, Reason = RejectReason.OverflowLoop, Fallback = QueueFallback.Reject });
                    Forget(node);
                    return false;
                }

                EnterQueue(node, target, now, hops + 1);
                return false;
            }

            node.Tier = node.NextStep;
        }

        if (node.NextStep != before)
        {
            Raise(new InteractionEscalatedEventArgs { Interaction = node.Id, Queue = q.Id, Step = node.NextStep });
        }

        node.NextEscalationDue = node.NextStep < steps.Length && steps[node.NextStep].AfterWaitTicks >= 0
            ? node.EnqueuedTicks + steps[node.NextStep].AfterWaitTicks
            : long.MaxValue;
        return true;
    }

    /// <summary>Offers a waiting interaction (not in any heap) to the best agent, or puts it in line.</summary>
    private void Place(InteractionNode node, long now)
    {
        var q = node.Queue;
        var preferred = node.PreferredAgent;
        if (preferred is not null)
        {
            // The preferred agent must meet the queue's requirements (tenant, medium, language, skills) at the
            // interaction's current escalation step, as for any other agent; otherwise the preference is dropped.
            if (now < node.PreferredUntil && !preferred.Removed && preferred.Presence != AgentPresence.Offline
                && Serves(preferred, q.Tiers[Math.Min(node.Tier, q.Tiers.Length - 1)].Pool))
            {
                if (preferred.CanAccept(q.Media) && !IsExcluded(node, preferred, now))
                {
                    _ringBuffer[0] = preferred;
                    MakeOffers(node, 1, new RoutingExplanation
                    {
                        Rule = RoutingRule.PreferredAgent,
                        Strategy = "preferred-agent",
                        EscalationStep = node.NextStep,
                        Candidates = 1,
                        Score = 0,
                        RunnerUpScore = double.NaN,
                    }, null, now);
                    return;
                }

                var heap = preferred.Preferred[(int)q.Media] ??= new InteractionHeap(null);
                heap.Insert(node);
                q.Waiting++;
                ScheduleWaiting(node, now);
                return;
            }

            node.PreferredAgent = null;
            node.PreferredUntil = long.MaxValue;
        }

        if (TryOfferToPool(node, now))
        {
            return;
        }

        var sq = q.Tiers[Math.Min(node.Tier, q.Tiers.Length - 1)];
        sq.Waiting.Insert(node);
        if (sq.Waiting.Count == 1)
        {
            sq.Pool.AddNonEmpty(sq);
        }
        else if (sq.Waiting.Head == node)
        {
            sq.Class!.Update(sq);
        }

        q.Waiting++;
        ScheduleWaiting(node, now);
    }

    private void ScheduleWaiting(InteractionNode node, long now)
    {
        long due = node.NextEscalationDue;
        if (node.Heap is { Owner: null } && node.PreferredUntil < due)
        {
            due = node.PreferredUntil;
        }

        if (node.Excluded is not null && node.ExcludedUntil > now && node.ExcludedUntil < due)
        {
            due = node.ExcludedUntil;
        }

        _timers.Set(node, due);
    }

    private void RemoveWaiting(InteractionNode node)
    {
        var heap = node.Heap!;
        bool wasHead = heap.Owner is not null && heap.Head == node;
        heap.Remove(node);
        if (heap.Owner is { } sq)
        {
            if (heap.Count == 0)
            {
                sq.Pool.RemoveNonEmpty(sq);
            }
            else if (wasHead)
            {
                sq.Class!.Update(sq);
            }
        }

        node.Queue.Waiting--;
    }

    /// <summary>Whether the agent belongs to the pool, i.e. meets its requirements. O(pools of the agent).</summary>
    private static bool Serves(AgentRecord agent, AgentPool pool)
    {
        var memberships = agent.Memberships;
        for (int i = 0; i < agent.MembershipCount; i++)
        {
            if (memberships[i].Pool == pool)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsExcluded(InteractionNode node, AgentRecord agent, long now) =>
        node.Excluded == agent && now < node.ExcludedUntil;

    /// <summary>Interaction side: the best available agent(s) of the tier's pool get the offer. O(log n).</summary>
    private bool TryOfferToPool(InteractionNode node, long now)
    {
        var tiers = node.Queue.Tiers;

        // A queue update may have removed escalation steps while the interaction was offered.
        node.Tier = Math.Min(node.Tier, tiers.Length - 1);
        var pool = tiers[node.Tier].Pool;
        int available = pool.AvailableCount;
        if (available == 0)
        {
            return false;
        }

        var strategy = pool.Strategy;
        int ring = strategy.RingCount;
        var excluded = node.Excluded is not null && now < node.ExcludedUntil ? node.Excluded : null;
        Span<int> picked = stackalloc int[ring];
        Span<int> frontier = stackalloc int[(2 * ring) + 4];
        int n = pool.Best(picked, excluded, frontier);
        if (n == 0)
        {
            return false;
        }

        double score = pool.ScoreAt(picked[0]);
        double runnerUp = n > 1 ? pool.ScoreAt(picked[1]) : pool.RunnerUpScore(picked[0]);
        for (int i = 0; i < n; i++)
        {
            _ringBuffer[i] = pool.AgentAt(picked[i]);
        }

        MakeOffers(node, n, new RoutingExplanation
        {
            Rule = RoutingRule.BestAgentForInteraction,
            Strategy = strategy.Name,
            EscalationStep = node.NextStep,
            Candidates = available,
            Score = score,
            RunnerUpScore = runnerUp,
        }, strategy, now);
        return true;
    }

    /// <summary>Reserves capacity on the first <paramref name="count"/> agents of the ring buffer and offers them the interaction.</summary>
    private void MakeOffers(InteractionNode node, int count, in RoutingExplanation explanation, AgentSelectionStrategy? strategy, long now)
    {
        var q = node.Queue;
        int media = (int)q.Media;
        node.State = NodeState.Offered;
        _timers.Set(node, long.MaxValue);
        long timeout = q.OfferTimeoutTicks > 0 ? q.OfferTimeoutTicks : _offerTimeoutTicks;
        for (int i = 0; i < count; i++)
        {
            var a = _ringBuffer[i];
            _ringBuffer[i] = null!;
            var offer = _freeOffers.Count > 0 ? _freeOffers.Pop() : NewOfferNode();
            offer.Id = new OfferId((++_offerIds << OfferSlotBits) | (long)offer.Slot);
            offer.Live = true;
            offer.Interaction = node;
            offer.Agent = a;
            offer.NextForInteraction = node.Offers;
            node.Offers = offer;
            node.LiveOffers++;
            offer.PrevForAgent = null;
            offer.NextForAgent = a.Offers;
            if (a.Offers is not null)
            {
                a.Offers.PrevForAgent = offer;
            }

            a.Offers = offer;
            a.Load[media]++;
            a.TotalLoad++;
            a.OfferedCount++;
            a.LastOfferSequence = ++_offerSequence;
            a.IdleSince = now;
            _timers.Set(offer, now + timeout);
            RefreshAgent(a, now);

            Raise(new OfferEventArgs
            {
                Offer = offer.Id,
                Interaction = node.Id,
                Agent = a.Id,
                Queue = q.Id,
                Media = q.Media,
                Timeout = TimeSpan.FromTicks(timeout),
                Waited = TimeSpan.FromTicks(now - node.EnqueuedTicks),
                IsRingAll = count > 1,
                Explanation = explanation,
            });
            if (strategy?.OnSelected is { } callback)
            {
                Raise(callback, new AgentSelectedArguments { Interaction = node.Id, Agent = a.Id, Queue = q.Id, Explanation = explanation });
            }
        }
    }

    /// <summary>
    /// Agent side: while the agent can take more, it takes the best waiting interaction across the queues it
    /// serves: its preferred interactions first, then the highest weight × (now − virtual arrival) among
    /// the best head of each weight class of each of its pools (O(k·c) for k pools and c weight classes).
    /// </summary>
    private void MatchAgent(AgentRecord a, long now)
    {
        while (a.Presence == AgentPresence.Available && !a.Removed && a.TotalLoad < a.TotalCapacity)
        {
            InteractionNode? best = null;
            double bestScore = double.NegativeInfinity, runnerUp = double.NaN;
            int candidates = 0;
            var rule = RoutingRule.PreferredAgent;
            string strategyName = "preferred-agent";
            AgentSelectionStrategy? strategy = null;

            for (int m = 0; m < 4; m++)
            {
                var heap = a.Preferred[m];
                if (heap is { Count: > 0 } && a.CanAccept((RoutingMedia)m))
                {
                    var head = PeekFor(heap, a, now);
                    if (head is not null)
                    {
                        candidates++;
                        double s = head.Queue.Weight * (now - head.Key) / TimeSpan.TicksPerSecond;
                        if (s > bestScore)
                        {
                            runnerUp = double.IsNegativeInfinity(bestScore) ? double.NaN : bestScore;
                            bestScore = s;
                            best = head;
                        }
                    }
                }
            }

            if (best is null)
            {
                rule = RoutingRule.BestInteractionForAgent;
                var memberships = a.Memberships;
                for (int i = 0; i < a.MembershipCount; i++)
                {
                    var pool = memberships[i].Pool;
                    if (pool.NonEmptyCount == 0 || !a.CanAccept(pool.Media))
                    {
                        continue;
                    }

                    for (int j = 0; j < pool.ClassCount; j++)
                    {
                        var cls = pool.Class(j);
                        if (cls.Count == 0)
                        {
                            continue;
                        }

                        var sq = cls.Top;
                        var head = PeekFor(sq.Waiting, a, now);
                        if (head is null)
                        {
                            continue;
                        }

                        candidates++;
                        double s = sq.Queue.Weight * (now - head.Key) / TimeSpan.TicksPerSecond;
                        if (s > bestScore)
                        {
                            runnerUp = double.IsNegativeInfinity(bestScore) ? double.NaN : bestScore;
                            bestScore = s;
                            best = head;
                            strategy = pool.Strategy;
                        }
                        else if (double.IsNaN(runnerUp) || s > runnerUp)
                        {
                            runnerUp = s;
                        }
                    }
                }

                strategyName = strategy?.Name ?? strategyName;
            }

            if (best is null)
            {
                return;
            }

            RemoveWaiting(best);
            _ringBuffer[0] = a;
            MakeOffers(best, 1, new RoutingExplanation
            {
                Rule = rule,
                Strategy = strategyName,
                EscalationStep = best.NextStep,
                Candidates = candidates,
                Score = bestScore,
                RunnerUpScore = runnerUp,
            }, strategy, now);
        }
    }

    /// <summary>The heap's head, or the best of the next few when the head declined this agent recently.</summary>
    private InteractionNode? PeekFor(InteractionHeap heap, AgentRecord agent, long now)
    {
        var head = heap.Head;
        if (!IsExcluded(head, agent, now))
        {
            return head;
        }

        _peekAgent = agent;
        _peekNow = now;
        return heap.BestNear(_skipExcluded ??= n => IsExcluded(n, _peekAgent!, _peekNow));
    }

    /// <summary>Re-keys the agent in every pool it belongs to and records a status change. O(k log n) for k pools.</summary>
    private void RefreshAgent(AgentRecord a, long now)
    {
        var memberships = a.Memberships;
        for (int i = 0; i < a.MembershipCount; i++)
        {
            ref var m = ref memberships[i];
            var pool = m.Pool;
            if (a.CanAccept(pool.Media))
            {
                pool.Strategy.ComputeKey(a, m.SkillScore, now, out long primary, out long secondary);
                pool.Upsert(m.Slot, primary, secondary);
            }
            else
            {
                pool.Remove(m.Slot);
            }
        }

        if (!_wantsStatus)
        {
            return;
        }

        var status = a.Status;
        if (status != a.LastStatus)
        {
            Raise(new AgentStatusChangedEventArgs { Agent = a.Id, Previous = a.LastStatus, Current = status, Reason = a.PresenceReason });
            a.LastStatus = status;
        }
    }

    private void Forget(InteractionNode node)
    {
        _interactions.Remove(node.Id.Value);
        _timers.Set(node, long.MaxValue);
        node.Reset();
        _freeNodes.Push(node);
    }

    private OfferNode NewOfferNode()
    {
        if (_offerSlotCount == _offerSlots.Length)
        {
            Array.Resize(ref _offerSlots, _offerSlotCount * 2);
        }

        var node = new OfferNode { Slot = _offerSlotCount };
        _offerSlots[_offerSlotCount++] = node;
        return node;
    }

    private OfferNode? GetOffer(long id)
    {
        long slot = id & ((1L << OfferSlotBits) - 1);
        if (id <= 0 || slot >= _offerSlotCount)
        {
            return null;
        }

        var node = _offerSlots[slot];
        return node.Live && node.Id.Value == id ? node : null;
    }

    private OfferNode? FindOffer(long interaction, int agent)
    {
        if (!_interactions.TryGetValue(interaction, out var node))
        {
            return null;
        }

        for (var o = node.Offers; o is not null; o = o.NextForInteraction)
        {
            if (o.Agent.Id.Value == agent)
            {
                return o;
            }
        }

        return null;
    }
}
