using ContactCenter.Core.Agents;
using ContactCenter.Core.Diagnostics;
using ContactCenter.Core.Routing;
using ContactCenter.Diagnostics;

namespace ContactCenter.Core.Hub;

internal sealed partial class InteractionHub
{
    public Task<AgentSession> LogInAsync(AgentId agent, AgentState initialState = AgentState.Available, CancellationToken cancellationToken = default)
        => LogInAsync(agent, new AgentLogInOptions { InitialState = initialState }, cancellationToken);

    public Task<AgentSession> LogInAsync(AgentId agent, AgentLogInOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var initialState = options.InitialState;
        if (initialState == AgentState.Offline)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "An agent cannot log in as Offline.");
        }

        return ExecuteAsync(tx =>
        {
            var runtime = GetAgent(agent);
            if (runtime is null)
            {
                if (!_options.AllowUnknownAgents)
                {
                    throw new ContactCenterException($"Agent '{agent}' is not configured (ContactCenter:Agents) and ContactCenter:AllowUnknownAgents is off.");
                }

                runtime = new AgentRuntime(new AgentDefinition { Id = agent });
                _agents[agent] = runtime;
            }

            if (runtime.Session is { IsLoggedOut: false } live)
            {
                if (!options.TakeOver)
                {
                    throw new ContactCenterException($"Agent '{agent}' is already logged in; log in with AgentLogInOptions.TakeOver to take over the live session.");
                }

                return ValueTask.FromResult(TakeOver(tx, runtime, live));
            }

            var session = new AgentSession(runtime.Definition, this);
            runtime.Session = session;
            SetState(tx, runtime, initialState, "logged-in");
            var definition = runtime.Definition;
            tx.After(() =>
            {
                _router.UpsertAgent(definition);
                _router.SetAgentState(agent, initialState);
            });
            return ValueTask.FromResult(session);
        }, cancellationToken);
    }

    /// <summary>
    /// A new session for a logged-in agent whose host lost the old one: presence and work stay (the router sees no
    /// change); the old session stops working and the new one is told the pending offers and the assigned work.
    /// </summary>
    private AgentSession TakeOver(HubTransaction tx, AgentRuntime runtime, AgentSession live)
    {
        var session = new AgentSession(runtime.Definition, this) { State = runtime.State, StateReason = runtime.StateReason };
        runtime.Session = session;
        live.IsLoggedOut = true;
        foreach (var ended in runtime.Offers.Keys.Where(i => !_active.IsOfferedTo(i, runtime.Definition.Id)).ToArray())
        {
            runtime.Offers.Remove(ended);
        }

        var offers = runtime.Offers.Values.OrderBy(o => o.Interaction.UpdatedAt).ToArray();
        var assigned = runtime.Assigned.Select(_active.GetValueOrDefault).OfType<Interaction>().OrderBy(i => i.CreatedAt).ToArray();
        tx.After(() =>
        {
            live.Complete();
            foreach (var offer in offers)
            {
                session.Notify(offer);
            }

            foreach (var interaction in assigned)
            {
                session.Notify(new AssignedInteractionNotification { InteractionId = interaction.Id, Interaction = interaction });
            }
        });
        return session;
    }

    public Task SetAgentStateAsync(AgentSession session, AgentState state, string? reason, CancellationToken cancellationToken)
        => ExecuteAsync(tx =>
        {
            var runtime = RequireSession(session);
            if (state == AgentState.Offline)
            {
                throw new ArgumentException("Use LogOutAsync to go offline.", nameof(state));
            }

            SetState(tx, runtime, state, reason);
            tx.After(() => _router.SetAgentState(session.AgentId, state));
        }, cancellationToken);

    public Task<Interaction> AcceptAsync(AgentSession session, InteractionId interaction, CancellationToken cancellationToken)
        => ExecuteAsync(tx =>
        {
            var runtime = RequireSession(session);
            var current = RequireActive(interaction);
            if (current.State != InteractionState.Offered || !IsOfferedTo(interaction, session.AgentId))
            {
                throw new ContactCenterException($"Interaction {interaction} is not offered to agent '{session.AgentId}' (it is {current.State}).");
            }

            if (!_router.TryAcceptOffer(interaction, session.AgentId))
            {
                throw new ContactCenterException($"The offer of interaction {interaction} to agent '{session.AgentId}' has lapsed.");
            }

            _active.OfferedTo.Remove(interaction);
            runtime.Offers.Remove(interaction);

            var connected = Transition(tx, current, InteractionState.Connected, "accepted", agent: session.AgentId) with { Agent = session.AgentId };
            Put(tx, connected);
            runtime.Assigned.Add(interaction);
            var waited = tx.Now - current.CreatedAt;
            var queue = current.Queue?.Value;
            tx.After(() => ContactCenterTelemetry.QueueWait.Record(waited.TotalSeconds, new KeyValuePair<string, object?>(ContactCenterDiagnostics.QueueTag, queue)));
            return ValueTask.FromResult(connected);
        }, cancellationToken);

    public Task DeclineAsync(AgentSession session, InteractionId interaction, CancellationToken cancellationToken)
        => ExecuteAsync(tx =>
        {
            RequireSession(session);
            var current = RequireActive(interaction);
            if (current.State != InteractionState.Offered || !IsOfferedTo(interaction, session.AgentId))
            {
                throw new ContactCenterException($"Interaction {interaction} is not offered to agent '{session.AgentId}'.");
            }

            GetAgent(session.AgentId)?.Offers.Remove(interaction);
            WithdrawOffer(tx, current, session.AgentId, OfferRevokedReason.Declined);
            tx.After(() => _router.DeclineOffer(interaction, session.AgentId));
        }, cancellationToken);

    public Task<MessageEvent> ReplyAsync(AgentSession session, InteractionId interaction, MessageContent content, CancellationToken cancellationToken)
        => ExecuteAsync(tx =>
        {
            RequireSession(session);
            var current = RequireAssigned(session, interaction, InteractionState.Connected, InteractionState.WrapUp);
            return ValueTask.FromResult(AppendOutbound(tx, current, content, session.AgentId));
        }, cancellationToken);

    public Task TransferAsync(AgentSession session, InteractionId interaction, QueueId? queue, AgentId? agent, CancellationToken cancellationToken)
        => ExecuteAsync(tx =>
        {
            var runtime = RequireSession(session);
            var current = RequireAssigned(session, interaction, InteractionState.Connected);
            var target = queue ?? current.Queue ?? QueueFor(current)
                ?? throw new ContactCenterException($"Interaction {interaction} has no queue to transfer through.");
            if (!_queues.ContainsKey(target))
            {
                throw new ContactCenterException($"Queue '{target}' is not configured.");
            }

            if (agent is { } a && GetAgent(a) is null)
            {
                throw new ContactCenterException($"Agent '{a}' is not known.");
            }

            // The router must let the agent go before it sees the interaction again.
            tx.After(() => _router.Release(interaction, session.AgentId));
            Enqueue(tx, current, target, current.Priority - (current.Queue is { } q && _queues.TryGetValue(q, out var d) ? d.Priority : 0), agent, agent is null ? "transfer-to-queue" : "transfer-to-agent");
            runtime.Assigned.Remove(interaction);
        }, cancellationToken);

    public Task EndAsync(AgentSession session, InteractionId interaction, CancellationToken cancellationToken)
        => ExecuteAsync(tx =>
        {
            RequireSession(session);
            var current = RequireAssigned(session, interaction, InteractionState.Connected);
            Put(tx, Transition(tx, current, InteractionState.WrapUp, "agent-ended"));
        }, cancellationToken);

    public Task WrapUpAsync(AgentSession session, InteractionId interaction, string code, string? notes, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        return ExecuteAsync(tx =>
        {
            var runtime = RequireSession(session);
            if (_wrapUpCodes.Count > 0 && !_wrapUpCodes.Contains(code))
            {
                throw new ContactCenterException($"Wrap-up code '{code}' is not configured (ContactCenter:WrapUpCodes).");
            }

            var current = RequireAssigned(session, interaction, InteractionState.Connected, InteractionState.WrapUp);
            if (current.State == InteractionState.Connected)
            {
                current = Transition(tx, current, InteractionState.WrapUp, "agent-ended");
            }

            tx.Append(new WrapUpEvent
            {
                Id = TimelineEventId.New(tx.Now),
                InteractionId = interaction,
                Timestamp = tx.Now,
                Agent = session.AgentId,
                Code = code,
                Notes = notes,
            });
            Put(tx, Transition(tx, current, InteractionState.Closed, "wrapped-up") with { WrapUpCode = code });
            runtime.Assigned.Remove(interaction);
            tx.After(() => _router.Release(interaction, session.AgentId));
        }, cancellationToken);
    }

    public Task CloseAsync(AgentSession session, InteractionId interaction, CancellationToken cancellationToken)
        => ExecuteAsync(tx =>
        {
            var runtime = RequireSession(session);
            if (_wrapUpCodes.Count > 0)
            {
                throw new ContactCenterException("Wrap-up codes are configured (ContactCenter:WrapUpCodes): close with WrapUpAsync and a code.");
            }

            var current = RequireAssigned(session, interaction, InteractionState.Connected, InteractionState.WrapUp);
            Put(tx, Transition(tx, current, InteractionState.Closed, "closed-by-agent"));
            runtime.Assigned.Remove(interaction);
            tx.After(() => _router.Release(interaction, session.AgentId));
        }, cancellationToken);

    public Task LogOutAsync(AgentSession session, CancellationToken cancellationToken)
        => ExecuteAsync(tx =>
        {
            var runtime = RequireSession(session);
            SetState(tx, runtime, AgentState.Offline, "logged-out");
            runtime.Session = null;
            session.IsLoggedOut = true;
            tx.After(() =>
            {
                _router.SetAgentState(session.AgentId, AgentState.Offline);
                session.Complete();
            });
        }, cancellationToken);

    // ---- helpers ----

    /// <summary>Sets an agent's presence (and the session's), keeps the counts, and tells supervisors once it is durable.</summary>
    private void SetState(HubTransaction tx, AgentRuntime runtime, AgentState state, string? reason)
    {
        var before = runtime.State;
        var beforeReason = runtime.StateReason;
        runtime.State = state;
        runtime.StateReason = reason;
        if (runtime.Session is { } session)
        {
            session.State = state;
            session.StateReason = reason;
        }

        if (before != state || !string.Equals(beforeReason, reason, StringComparison.Ordinal))
        {
            var changed = new AgentPresenceChangedEvent { Timestamp = tx.Now, Agent = runtime.Definition.Id, From = before, To = state, Reason = reason };
            tx.After(() => _supervisor.Publish(changed));
        }

        if ((before == AgentState.Offline) != (state == AgentState.Offline))
        {
            Interlocked.Add(ref _agentsLoggedIn, state == AgentState.Offline ? -1 : 1);
        }

        if ((before == AgentState.Available) != (state == AgentState.Available))
        {
            Interlocked.Add(ref _agentsAvailable, state == AgentState.Available ? 1 : -1);
        }
    }

    private AgentRuntime RequireSession(AgentSession session)
    {
        var runtime = GetAgent(session.AgentId);
        if (runtime is null || !ReferenceEquals(runtime.Session, session))
        {
            throw new ContactCenterException($"Agent '{session.AgentId}' is not logged in with this session.");
        }

        return runtime;
    }

    private Interaction RequireActive(InteractionId interaction)
        => _active.TryGetValue(interaction, out var current)
            ? current
            : throw new ContactCenterException($"Interaction {interaction} is not active.");

    private Interaction RequireAssigned(AgentSession session, InteractionId interaction, params InteractionState[] states)
    {
        var current = RequireActive(interaction);
        if (current.Agent != session.AgentId || Array.IndexOf(states, current.State) < 0)
        {
            throw new ContactCenterException($"Interaction {interaction} is not assigned to agent '{session.AgentId}' in state {string.Join(" or ", states)} (it is {current.State}).");
        }

        return current;
    }
}
