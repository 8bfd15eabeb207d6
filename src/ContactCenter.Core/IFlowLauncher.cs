namespace ContactCenter.Core;

/// <summary>
/// Lets a flow engine (IVR or bot) answer new interactions first. Registered by the IVR integration; with
/// none registered, new interactions go straight to their channel's queue.
/// </summary>
public interface IFlowLauncher
{
    /// <summary>The flow to run for a new interaction, or <see langword="null"/> to queue it directly. Must be quick and side-effect free.</summary>
    string? SelectFlow(Interaction interaction);

    /// <summary>Starts (or, after a restart, resumes) the flow. Called after the interaction is durable; must not block.</summary>
    void Start(Interaction interaction, string flow, bool resume);

    /// <summary>
    /// After a restart, for an interaction waiting in a queue: resumes its flow if the flow was still running
    /// (it waits with the interaction: position messages, the leave-the-queue option); does nothing otherwise.
    /// Must not block.
    /// </summary>
    void ResumeWaiting(Interaction interaction, string flow);

    /// <summary>
    /// Hands the flow a message the customer sent while the flow has them: the one path for customer input, in its
    /// flow (<see cref="InteractionState.InFlow"/>) and while it waits with the interaction in a queue
    /// (<see cref="InteractionState.Queued"/>, <see cref="InteractionState.Offered"/>). Ignored for an interaction
    /// without a running flow. Must not block.
    /// </summary>
    void OnMessage(Interaction interaction, MessageEvent message);

    /// <summary>
    /// Cancels every running flow (each keeps its last saved state, so the next start resumes it) and waits for them.
    /// The host calls it before the connectors and the contact center stop. Does nothing by default.
    /// </summary>
    Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
