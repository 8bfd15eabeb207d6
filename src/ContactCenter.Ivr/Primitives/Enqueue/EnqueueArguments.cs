using ContactCenter.Ivr.Services;

namespace ContactCenter.Ivr.Primitives.Enqueue;

/// <summary>Raised by Enqueue.</summary>
/// <param name="InteractionId">The interaction.</param>
/// <param name="NodeId">The node.</param>
/// <param name="Queue">The queue.</param>
/// <param name="Kind">What happened.</param>
/// <param name="Status">The queue status at that moment.</param>
public readonly record struct EnqueueArguments(InteractionId InteractionId, string NodeId, string Queue, EnqueueEventKind Kind, QueueWaitStatus Status);
