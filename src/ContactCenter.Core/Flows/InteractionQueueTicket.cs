using ContactCenter.Ivr.Services;

namespace ContactCenter.Core.Flows;

/// <summary>
/// The wait of an Enqueue node. <see cref="Status"/> asks routing for the position; <see cref="Completion"/> is
/// completed by the launcher's event pump when the interaction's state changes (an agent connected, or it ended).
/// </summary>
internal sealed class InteractionQueueTicket(IFlowContactCenter contactCenter, FlowRun run) : IQueueTicket
{
    private readonly TaskCompletionSource<QueueWaitStatus> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public QueueWaitStatus Status
    {
        get
        {
            var completion = _completion.Task;
            if (completion.IsCompletedSuccessfully)
            {
                return completion.Result;
            }

            if (run.State == InteractionState.Offered)
            {
                // An agent's phone rings: nobody may tell the customer that every agent is busy.
                return new QueueWaitStatus(QueueWaitState.Offered);
            }

            return contactCenter.GetQueuePosition(run.Id) is { } p
                ? new QueueWaitStatus(QueueWaitState.Waiting, p.Position, p.EstimatedWait)
                : new QueueWaitStatus(QueueWaitState.Waiting);
        }
    }

    public Task<QueueWaitStatus> Completion => _completion.Task;

    public async ValueTask<bool> LeaveAsync(CancellationToken cancellationToken)
    {
        if (_completion.Task.IsCompleted)
        {
            return _completion.Task.Result.State != QueueWaitState.Connected;
        }

        if (InteractionStateMachine.IsTerminal(run.State))
        {
            _completion.TrySetResult(new QueueWaitStatus(QueueWaitState.Removed));
            return true;
        }

        // A hub operation, so that the hub's state, statistics and a restart all agree: the interaction is back in
        // its flow (voicemail, callback), no longer waiting, and never offered to an agent again.
        try
        {
            await contactCenter.LeaveQueueAsync(run.Id, "left-queue", cancellationToken).ConfigureAwait(false);
        }
        catch (ContactCenterException)
        {
            // An agent accepted (or the interaction ended) just before the customer's choice reached the hub. The event
            // pump completes the wait with what happened (connected or removed); the flow must not go on to
            // voicemail while the customer talks to the agent.
            return false;
        }

        _completion.TrySetResult(new QueueWaitStatus(QueueWaitState.Removed));
        return true;
    }

    /// <summary>Called by the event pump, in commit order.</summary>
    public void OnStateChanged(InteractionState to)
    {
        if (to is InteractionState.Connected or InteractionState.WrapUp)
        {
            _completion.TrySetResult(new QueueWaitStatus(QueueWaitState.Connected));
        }
        else if (InteractionStateMachine.IsTerminal(to))
        {
            _completion.TrySetResult(new QueueWaitStatus(QueueWaitState.Removed));
        }
    }
}
