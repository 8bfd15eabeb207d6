using ContactCenter.Ivr.Services;

namespace ContactCenter.Ivr.Primitives.Transfer;

/// <summary>Raised by the transfer primitives.</summary>
/// <param name="InteractionId">The interaction.</param>
/// <param name="NodeId">The node.</param>
/// <param name="Kind">Agent, queue or number.</param>
/// <param name="Target">The agent, queue or number.</param>
/// <param name="Succeeded">Whether the runtime took the interaction.</param>
/// <param name="Reason">Why not, when it failed.</param>
public readonly record struct TransferArguments(InteractionId InteractionId, string NodeId, TransferKind Kind, string Target, bool Succeeded, string? Reason);
