namespace ContactCenter.Ivr.Primitives.Goto;

/// <summary>Raised by Goto.</summary>
/// <param name="InteractionId">The interaction.</param>
/// <param name="NodeId">The node.</param>
/// <param name="Target">The node jumped to.</param>
public readonly record struct GotoArguments(InteractionId InteractionId, string NodeId, string Target);
