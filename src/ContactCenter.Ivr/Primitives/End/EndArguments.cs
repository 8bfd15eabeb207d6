namespace ContactCenter.Ivr.Primitives.End;

/// <summary>Raised by End.</summary>
/// <param name="InteractionId">The interaction.</param>
/// <param name="NodeId">The node.</param>
public readonly record struct EndArguments(InteractionId InteractionId, string NodeId);
