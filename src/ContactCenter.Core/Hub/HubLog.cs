using Microsoft.Extensions.Logging;

namespace ContactCenter.Core.Hub;

internal static partial class HubLog
{
    [LoggerMessage(1, LogLevel.Information, "Interaction hub started: {Active} active interactions recovered.")]
    public static partial void Started(ILogger logger, int active);

    [LoggerMessage(2, LogLevel.Error, "Store commit of {Commands} commands failed; none of them took effect.")]
    public static partial void CommitFailed(ILogger logger, int commands, Exception exception);

    [LoggerMessage(3, LogLevel.Warning, "Hub command failed.")]
    public static partial void CommandFailed(ILogger logger, Exception exception);

    [LoggerMessage(4, LogLevel.Error, "An after-commit action failed.")]
    public static partial void AfterCommitFailed(ILogger logger, Exception exception);

    [LoggerMessage(5, LogLevel.Warning, "Delivery of message {MessageId} on channel {Channel} failed (attempt {Attempt}): {Error}")]
    public static partial void DeliveryFailed(ILogger logger, TimelineEventId messageId, string channel, int attempt, string error);

    [LoggerMessage(6, LogLevel.Warning, "Interaction {InteractionId} has no queue to go to: configure ContactCenter:DefaultQueue or ChannelQueues for channel {Channel}.")]
    public static partial void NoQueue(ILogger logger, InteractionId interactionId, string channel);

    [LoggerMessage(7, LogLevel.Warning, "Inbound message rejected: {Reason}")]
    public static partial void InboundRejected(ILogger logger, string reason);

    [LoggerMessage(8, LogLevel.Error, "Reloading hub state from the store failed.")]
    public static partial void ReloadFailed(ILogger logger, Exception exception);

    [LoggerMessage(9, LogLevel.Error, "A hub command failed half-way; it alone fails and the rest of its batch runs again without it.")]
    public static partial void CommandFailedHalfWay(ILogger logger, Exception exception);

    [LoggerMessage(10, LogLevel.Error, "Delivery of message {MessageId} on channel {Channel} failed for good after {Attempts} attempts: {Error}")]
    public static partial void DeliveryGaveUp(ILogger logger, TimelineEventId messageId, string channel, int attempts, string error);

    [LoggerMessage(11, LogLevel.Error, "Delivery of message {MessageId} stopped unexpectedly.")]
    public static partial void DeliveryCrashed(ILogger logger, TimelineEventId messageId, Exception exception);
}
