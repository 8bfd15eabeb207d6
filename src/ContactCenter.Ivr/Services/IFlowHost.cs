namespace ContactCenter.Ivr.Services;

/// <summary>
/// What a flow asks of the contact center runtime: queueing, transfers, callbacks and voicemail. Core implements it
/// over routing and the interaction store. Methods may be called concurrently for different interactions.
/// </summary>
public interface IFlowHost
{
    /// <summary>Puts the interaction in a queue. The returned ticket tracks the wait.</summary>
    /// <param name="request">Queue, skills and priority.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The wait; a ticket whose <see cref="IQueueTicket.Completion"/> is already complete means the
    /// interaction left the flow's hands at once (e.g. it was routed immediately).</returns>
    /// <exception cref="FlowHostException">The queue refused the interaction (unknown queue, closed, full).</exception>
    ValueTask<IQueueTicket> EnqueueAsync(EnqueueRequest request, CancellationToken cancellationToken);

    /// <summary>Transfers the interaction to an agent, a queue or a number.</summary>
    /// <param name="request">The target.</param>
    /// <param name="cancellationToken">Cancels the transfer.</param>
    /// <returns>Whether the transfer was accepted.</returns>
    ValueTask<TransferResult> TransferAsync(TransferRequest request, CancellationToken cancellationToken);

    /// <summary>Schedules a callback to the customer.</summary>
    /// <param name="request">Number, queue and interaction.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>Whether the callback was scheduled.</returns>
    ValueTask<bool> ScheduleCallbackAsync(CallbackRequest request, CancellationToken cancellationToken);

    /// <summary>Hands a voicemail (a recording or a typed message) to the runtime, e.g. as work for a queue.</summary>
    /// <param name="request">The message.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    ValueTask SubmitVoicemailAsync(VoicemailRequest request, CancellationToken cancellationToken);
}
