namespace ContactCenter.Ivr.Services;

/// <summary>A queued interaction, as returned by <see cref="IFlowHost.EnqueueAsync"/>. The flow reads
/// <see cref="Status"/> for position messages and waits for <see cref="Completion"/> while the customer listens.</summary>
public interface IQueueTicket
{
    /// <summary>The current status; cheap to read and safe from any thread.</summary>
    QueueWaitStatus Status { get; }

    /// <summary>Completes when the wait ends (an agent connected, or the runtime removed the interaction).</summary>
    Task<QueueWaitStatus> Completion { get; }

    /// <summary>Takes the interaction out of the queue because the customer chose to leave (voicemail, callback)
    /// or hung up.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns><see langword="true"/> when the interaction is out of the queue (also when it already was);
    /// <see langword="false"/> when an agent took it first: the customer is with the agent, <see cref="Completion"/>
    /// reports it, and the flow must not go on to voicemail or a callback.</returns>
    ValueTask<bool> LeaveAsync(CancellationToken cancellationToken);
}
