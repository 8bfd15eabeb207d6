namespace ContactCenter.Ivr.Services;

/// <summary>A callback the customer asked for.</summary>
/// <param name="InteractionId">The interaction the request came from.</param>
/// <param name="PhoneNumber">The number to call.</param>
/// <param name="Queue">The queue whose agents should call, or null for the host's default.</param>
/// <param name="Variables">The flow variables at the time of the request.</param>
public readonly record struct CallbackRequest(
    InteractionId InteractionId,
    string PhoneNumber,
    QueueId? Queue,
    IReadOnlyDictionary<string, string> Variables);
