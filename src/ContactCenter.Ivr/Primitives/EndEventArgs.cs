namespace ContactCenter.Ivr.Primitives;

/// <summary>Raised by End.</summary>
/// <param name="InteractionId">The interaction.</param>
/// <param name="NodeId">The node.</param>
public readonly record struct EndEventArgs(InteractionId InteractionId, string NodeId);
