using ContactCenter.Core.Routing;
using ContactCenter.Ivr.Services;

namespace ContactCenter.Core.Flows;

/// <summary>
/// The wait of an Enqueue node. <see cref="Status"/> asks routing for the position; <see cref="Completion"/> is
/// completed by the launcher's event pump when the interaction's state changes (an agent connected, or it ended).
/// </summary>
internal sealed class InteractionQueueTicket(IContactCenter contactCenter, IInteractionRouter router, FlowRun run, string queue) : IQueueTicket
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

            return contactCenter.GetQueuePosition(run.Id) is { } p
                ? new QueueWaitStatus(QueueWaitState.Waiting, p.Position, p.EstimatedWait)
                : new QueueWaitStatus(QueueWaitState.Waiting);
        }
    }

    public Task<QueueWaitStatus> Completion => _completion.Task;

    public async ValueTask LeaveAsync(CancellationToken cancellationToken)
    {
        if (_completion.Task.IsCompleted)
        {
            return;
        }

        _completion.TrySetResult(new QueueWaitStatus(QueueWaitState.Removed));
        if (InteractionStateMachine.IsTerminal(run.State))
        {
            return;
        }

        // The interaction stays Queued in the hub (there is no way back to InFlow) but is taken out of routing, so
        // no agent is offered it while the flow goes on (voicemail, callback). A restart re-queues it.
        router.Remove(run.Id);
        try
        {
            await contactCenter.SetAttributeAsync(run.Id, "flow.leftQueue", queue, cancellationToken).ConfigureAwait(false);
        }
        catch (ContactCenterException)
        {
            // The interaction ended meanwhile; nothing to record.
        }
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
