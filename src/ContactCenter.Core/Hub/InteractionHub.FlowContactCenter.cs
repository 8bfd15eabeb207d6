using System.Collections.Immutable;
using ContactCenter.Core.Agents;

namespace ContactCenter.Core.Hub;

/// <summary>What flows ask of the contact center (<see cref="IFlowContactCenter"/>): queueing, leaving the queue, prompts, progress.</summary>
internal sealed partial class InteractionHub
{
    public Task EnqueueAsync(InteractionId interaction, QueueId queue, int priority = 0, AgentId? preferredAgent = null, CancellationToken cancellationToken = default)
        => ExecuteAsync(tx =>
        {
            var current = RequireActive(interaction);
            if (!_queues.ContainsKey(queue))
            {
                throw new ContactCenterException($"Queue '{queue}' is not configured (ContactCenter:Queues).");
            }

            if (!InteractionStateMachine.IsAllowed(current.State, InteractionState.Queued))
            {
                throw new InvalidInteractionTransitionException(interaction, current.State, InteractionState.Queued);
            }

            if (current.State is InteractionState.Queued or InteractionState.Offered && current.Queue == queue && preferredAgent is null)
            {
                // Already waiting there (a flow resumed after a restart enqueues again): keep its place.
                return;
            }

            if (current.State is InteractionState.Queued or InteractionState.Offered)
            {
                // Out of the old queue before into the new one.
                tx.After(() => _router.Remove(interaction));
            }

            Enqueue(tx, current, queue, priority, preferredAgent, "enqueued");
        }, cancellationToken);

    public Task LeaveQueueAsync(InteractionId interaction, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return ExecuteAsync(tx =>
        {
            var current = RequireActive(interaction);
            if (current.State is not (InteractionState.Queued or InteractionState.Offered))
            {
                throw new InvalidInteractionTransitionException(interaction, current.State, InteractionState.InFlow);
            }

            // Back to its flow: not waiting any more (statistics), never offered again, and a restart resumes the flow.
            var offeredTo = _active.OfferedTo.Remove(interaction, out var agents)
                ? agents.Select(a => GetAgent(a)?.Session).OfType<AgentSession>().ToArray()
                : [];
            Put(tx, Transition(tx, current, InteractionState.InFlow, reason) with { Agent = null });
            tx.After(() =>
            {
                _router.Remove(interaction);
                foreach (var session in offeredTo)
                {
                    session.Notify(new OfferRevokedNotification { InteractionId = interaction, Reason = OfferRevokedReason.LeftQueue });
                }
            });
        }, cancellationToken);
    }

    public Task<MessageEvent> SendAsync(InteractionId interaction, MessageContent content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        return ExecuteAsync(tx => ValueTask.FromResult(AppendOutbound(tx, RequireActive(interaction), content, null)), cancellationToken);
    }

    public Task RecordFlowProgressAsync(InteractionId interaction, string flow, string? node, IReadOnlyDictionary<string, string> variables, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(flow);
        ArgumentNullException.ThrowIfNull(variables);
        var snapshot = variables.ToImmutableDictionary();
        // A flow's last save may land after the interaction ended (an agent closed it first): the timeline still takes it.
        return ExecuteAsync(async tx =>
        {
            await LoadAsync(interaction).ConfigureAwait(false);
            tx.Append(new FlowProgressEvent { Id = TimelineEventId.New(tx.Now), InteractionId = interaction, Timestamp = tx.Now, Flow = flow, Node = node, Variables = snapshot });
            return true;
        }, cancellationToken);
    }
}
