using Microsoft.Extensions.Logging;

namespace ContactCenter.Core.Flows;

internal static partial class FlowLog
{
    [LoggerMessage(200, LogLevel.Debug, "Flow {Flow} started for interaction {Interaction} (resume: {Resume}).")]
    public static partial void Started(ILogger logger, string flow, InteractionId interaction, bool resume);

    [LoggerMessage(201, LogLevel.Debug, "Flow {Flow} of interaction {Interaction} ended: {Outcome} {Detail}.")]
    public static partial void Completed(ILogger logger, string flow, InteractionId interaction, Ivr.FlowOutcome outcome, string? detail);

    [LoggerMessage(202, LogLevel.Warning, "Flow {Flow} of interaction {Interaction} failed ({Reason}); falling back to queue {Queue}.")]
    public static partial void FailedFallback(ILogger logger, string flow, InteractionId interaction, string reason, QueueId queue);

    [LoggerMessage(203, LogLevel.Error, "Flow {Flow} of interaction {Interaction} failed ({Reason}) and no queue is configured for channel {Channel}; the interaction stays where it is.")]
    public static partial void FailedNoQueue(ILogger logger, string flow, InteractionId interaction, string reason, string channel);

    [LoggerMessage(204, LogLevel.Error, "Flow {Flow} of interaction {Interaction} threw.")]
    public static partial void Crashed(ILogger logger, string flow, InteractionId interaction, Exception exception);

    [LoggerMessage(205, LogLevel.Warning, "Finishing the flow of interaction {Interaction} ({Outcome}) failed.")]
    public static partial void FinishFailed(ILogger logger, InteractionId interaction, Ivr.FlowOutcome outcome, Exception exception);

    [LoggerMessage(206, LogLevel.Error, "The flow catalog does not validate; new interactions go straight to their queues.")]
    public static partial void CatalogInvalid(ILogger logger, Exception exception);

    [LoggerMessage(207, LogLevel.Warning, "Flow launcher is stopped; interaction {Interaction} was not started in flow {Flow}.")]
    public static partial void NotStarted(ILogger logger, InteractionId interaction, string flow);

    [LoggerMessage(208, LogLevel.Warning, "Scheduling a callback for interaction {Interaction} failed.")]
    public static partial void CallbackFailed(ILogger logger, InteractionId interaction, Exception exception);

    [LoggerMessage(209, LogLevel.Error, "The flow event subscription stopped unexpectedly; queue tickets and leave choices of running flows no longer update.")]
    public static partial void SubscriptionFailed(ILogger logger, Exception exception);
}
