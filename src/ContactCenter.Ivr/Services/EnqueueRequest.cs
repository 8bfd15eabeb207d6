namespace ContactCenter.Ivr.Services;

/// <summary>Puts an interaction in a queue.</summary>
/// <param name="InteractionId">The interaction.</param>
/// <param name="Queue">The queue.</param>
/// <param name="Skills">Skills the agent needs (may be empty).</param>
/// <param name="Priority">Priority; higher is served first. 0 is normal.</param>
/// <param name="Variables">The flow variables at the time of queueing (the agent may see them).</param>
public readonly record struct EnqueueRequest(
    InteractionId InteractionId,
    QueueId Queue,
    IReadOnlyList<string> Skills,
    int Priority,
    IReadOnlyDictionary<string, string> Variables);
