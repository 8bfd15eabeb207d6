namespace ContactCenter.Core;

/// <summary>
/// The contact center as a flow engine (the IVR adapter, a bot) drives it: everything host code can do, plus the
/// plumbing of a flow that holds an interaction — queueing it, taking it back out of the queue, prompting the customer
/// and saving where the flow is. Host code uses <see cref="IContactCenter"/>; a flow launcher gets this interface.
/// Every method is thread-safe and completes when its change is durable.
/// </summary>
public interface IFlowContactCenter : IContactCenter
{
    /// <summary>Queues an interaction for an agent (from a flow, or to re-queue).</summary>
    Task EnqueueAsync(InteractionId interaction, QueueId queue, int priority = 0, AgentId? preferredAgent = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes a waiting interaction out of its queue and back to the flow that waits with it (the customer chose
    /// voicemail or a call back, or the flow's longest wait passed): Queued or Offered → InFlow with
    /// <paramref name="reason"/> on the timeline, and a pending offer is revoked. From then on no agent is offered it,
    /// statistics count it in its flow, and a restart resumes the flow instead of queueing it.
    /// </summary>
    /// <exception cref="InvalidInteractionTransitionException">The interaction is not waiting in a queue.</exception>
    /// <exception cref="ContactCenterException">The interaction is not active.</exception>
    Task LeaveQueueAsync(InteractionId interaction, string reason, CancellationToken cancellationToken = default);

    /// <summary>Sends a message to the customer on behalf of a flow or the system.</summary>
    Task<MessageEvent> SendAsync(InteractionId interaction, MessageContent content, CancellationToken cancellationToken = default);

    /// <summary>Records that a flow reached a node, so that a restart resumes there.</summary>
    Task RecordFlowProgressAsync(InteractionId interaction, string flow, string? node, IReadOnlyDictionary<string, string> variables, CancellationToken cancellationToken = default);
}
