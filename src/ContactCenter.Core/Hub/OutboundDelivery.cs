using ContactCenter.Channels;
using ContactCenter.Core.Diagnostics;
using ContactCenter.Diagnostics;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Core.Hub;

/// <summary>
/// Sends committed outbound messages through their channel's connector, each on its own task, retried with doubling
/// back-off on the <see cref="TimeProvider"/>; the outcome is handed back to be recorded (a <see cref="DeliveryEvent"/>).
/// The timeline event id is the idempotency key, so a retry never sends twice on a connector that honours it.
/// </summary>
internal sealed class OutboundDelivery(
    IReadOnlyDictionary<string, IChannelConnector> connectors,
    ContactCenterOptions options,
    TimeProvider time,
    ILogger logger,
    Func<Interaction, MessageEvent, DeliveryResult, int, Task> recordOutcome,
    CancellationToken stopping)
{
    private readonly HashSet<Task> _inFlight = [];

    public bool HasConnector(string channel) => connectors.ContainsKey(channel);

    public void Start(Interaction interaction, MessageEvent message)
    {
        var task = DeliverAsync(interaction, message);
        lock (_inFlight)
        {
            _inFlight.Add(task);
        }

        task.ContinueWith(
            t =>
            {
                lock (_inFlight)
                {
                    _inFlight.Remove(t);
                }

                if (t.Exception is { } failure)
                {
                    // Never drop a delivery silently: whatever escaped DeliverAsync is logged.
                    HubLog.DeliveryCrashed(logger, message.Id, failure.GetBaseException());
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    /// <summary>Waits for the deliveries in flight; those still running when <paramref name="cancellationToken"/> fires stay sent-but-unconfirmed.</summary>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        Task[] pending;
        lock (_inFlight)
        {
            pending = [.. _inFlight];
        }

        try
        {
            await Task.WhenAll(pending).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Deliveries still in flight stay recorded as sent-but-unconfirmed on the timeline.
        }
    }

    private async Task DeliverAsync(Interaction interaction, MessageEvent message)
    {
        var attempts = 0;
        DeliveryResult result;
        if (!connectors.TryGetValue(interaction.Channel, out var connector))
        {
            result = DeliveryResult.Failure($"No channel connector named '{interaction.Channel}' is registered.");
        }
        else
        {
            var outbound = new OutboundMessage
            {
                Id = message.Id,
                InteractionId = interaction.Id,
                ConversationKey = interaction.ConversationKey,
                To = interaction.CustomerIdentity,
                Content = message.Content,
                Agent = message.Agent,
            };
            var delay = options.DeliveryRetryDelay;
            while (true)
            {
                attempts++;
                try
                {
                    result = await connector.SendAsync(outbound, stopping).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stopping.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex) when (IsRetryable(ex))
                {
                    // Any non-fatal exception (HttpRequestException from an HTTP messenger API, a client's own
                    // time-out surfacing as TaskCanceledException...) is a failed attempt: recorded, logged, retried.
                    result = DeliveryResult.Failure($"{ex.GetType().Name}: {ex.Message}");
                }

                if (result.Delivered || attempts >= options.DeliveryAttempts || result.Error is null)
                {
                    break;
                }

                HubLog.DeliveryFailed(logger, message.Id, interaction.Channel, attempts, result.Error);
                try
                {
                    await Task.Delay(delay, time, stopping).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                delay += delay;
            }
        }

        ContactCenterTelemetry.OutboundMessages.Add(1,
            new KeyValuePair<string, object?>(ContactCenterDiagnostics.ChannelTag, interaction.Channel),
            new KeyValuePair<string, object?>("error.type", result.Delivered ? null : "delivery_failed"));
        var count = Math.Max(1, attempts);
        if (!result.Delivered)
        {
            HubLog.DeliveryGaveUp(logger, message.Id, interaction.Channel, count, result.Error ?? "the channel did not accept it");
        }

        try
        {
            await recordOutcome(interaction, message, result, count).ConfigureAwait(false);
        }
        catch (ContactCenterException)
        {
            // Stopping: the message event stays without an outcome; a restart's delivery sweep can retry it.
        }
    }

    /// <summary>Whether a connector's exception is a failed attempt to retry rather than a process-level failure.</summary>
    private static bool IsRetryable(Exception ex)
        => ex is not (OutOfMemoryException or InsufficientExecutionStackException or AccessViolationException);
}
