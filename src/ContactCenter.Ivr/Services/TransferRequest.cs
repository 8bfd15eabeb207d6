namespace ContactCenter.Ivr.Services;

/// <summary>A transfer out of the flow.</summary>
/// <param name="InteractionId">The interaction.</param>
/// <param name="Kind">Agent, queue or number.</param>
/// <param name="Target">The agent id, queue name or phone number.</param>
/// <param name="Skills">For a queue: skills the agent needs.</param>
/// <param name="Priority">For a queue: the priority.</param>
/// <param name="Variables">The flow variables at the time of the transfer.</param>
public readonly record struct TransferRequest(
    InteractionId InteractionId,
    TransferKind Kind,
    string Target,
    IReadOnlyList<string> Skills,
    int Priority,
    IReadOnlyDictionary<string, string> Variables);
