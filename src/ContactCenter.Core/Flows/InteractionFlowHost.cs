using System.Collections.Immutable;
using ContactCenter.Ivr.Services;

namespace ContactCenter.Core.Flows;

/// <summary>What flows ask of the contact center, done through <see cref="IFlowContactCenter"/>: queueing, transfers,
/// callbacks (a new linked interaction) and voicemail (attributes on the interaction).</summary>
internal sealed class InteractionFlowHost(FlowLauncher launcher) : IFlowHost
{
    public async ValueTask<IQueueTicket> EnqueueAsync(EnqueueRequest request, CancellationToken cancellationToken)
    {
        var run = launcher.GetRun(request.InteractionId);
        var ticket = new InteractionQueueTicket(launcher.ContactCenter, run);

        // Registered before the enqueue so that an agent who answers at once still completes this ticket.
        run.Ticket = ticket;
        try
        {
            await launcher.ContactCenter.EnqueueAsync(run.Id, request.Queue, request.Priority, null, cancellationToken).ConfigureAwait(false);
        }
        catch (ContactCenterException ex)
        {
            run.Ticket = null;
            throw new FlowHostException(ex.Message, ex);
        }

        return ticket;
    }

    public async ValueTask<TransferResult> TransferAsync(TransferRequest request, CancellationToken cancellationToken)
    {
        var run = launcher.GetRun(request.InteractionId);
        var cc = launcher.ContactCenter;
        try
        {
            switch (request.Kind)
            {
                case TransferKind.Queue:
                    await cc.EnqueueAsync(run.Id, new QueueId(request.Target), request.Priority, null, cancellationToken).ConfigureAwait(false);
                    return TransferResult.Success;
                case TransferKind.Agent:
                    if (launcher.QueueFor(run.Interaction) is not { } queue)
                    {
                        return TransferResult.Failed($"no queue is configured for channel '{run.Interaction.Channel}' to reach agent '{request.Target}' through");
                    }

                    await cc.EnqueueAsync(run.Id, queue, request.Priority, new AgentId(request.Target), cancellationToken).ConfigureAwait(false);
                    return TransferResult.Success;
                default:
                    // No telephony bridge yet: the number is recorded and the interaction closed when the flow ends.
                    await cc.SetAttributeAsync(run.Id, "transfer.number", request.Target, cancellationToken).ConfigureAwait(false);
                    run.TransferredToNumber = request.Target;
                    return TransferResult.Success;
            }
        }
        catch (ContactCenterException ex)
        {
            return TransferResult.Failed(ex.Message);
        }
    }

    public async ValueTask<bool> ScheduleCallbackAsync(CallbackRequest request, CancellationToken cancellationToken)
    {
        var run = launcher.GetRun(request.InteractionId);
        var cc = launcher.ContactCenter;
        CustomerIdentity phone;
        try
        {
            phone = CustomerIdentity.Phone(request.PhoneNumber);
        }
        catch (ArgumentException)
        {
            return false;
        }

        try
        {
            // The number the customer gave becomes one of their identities, unless it already belongs to someone.
            if (await cc.FindCustomerAsync(phone, cancellationToken).ConfigureAwait(false) is null)
            {
                await cc.LinkIdentityAsync(run.Interaction.CustomerId, phone, "flow", cancellationToken).ConfigureAwait(false);
            }

            var (channel, media) = launcher.CallbackChannelFor(run.Interaction);
            await cc.StartInteractionAsync(new NewInteraction
            {
                Channel = channel,
                Media = media,
                Customer = phone,
                Initiation = InitiationKind.Callback,
                PreviousInteraction = run.Id,
                // No queue named: the hub routes the callback like any new interaction of its channel.
                Queue = request.Queue,
                Attributes = ImmutableDictionary<string, string>.Empty.Add("callback.number", phone.Value),
            }, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ContactCenterException ex)
        {
            FlowLog.CallbackFailed(launcher.Logger, run.Id, ex);
            return false;
        }
    }

    public async ValueTask SubmitVoicemailAsync(VoicemailRequest request, CancellationToken cancellationToken)
    {
        var run = launcher.GetRun(request.InteractionId);
        var cc = launcher.ContactCenter;
        try
        {
            if (request.Queue is { } queue)
            {
                await cc.SetAttributeAsync(run.Id, "voicemail.queue", queue.Value, cancellationToken).ConfigureAwait(false);
            }

            if (!string.IsNullOrEmpty(request.RecordingLocation))
            {
                await cc.SetAttributeAsync(run.Id, "voicemail.recording", request.RecordingLocation, cancellationToken).ConfigureAwait(false);
            }

            if (!string.IsNullOrEmpty(request.Text))
            {
                await cc.SetAttributeAsync(run.Id, "voicemail.text", request.Text, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (ContactCenterException ex)
        {
            throw new FlowHostException(ex.Message, ex);
        }
    }
}
