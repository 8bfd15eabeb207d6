namespace ContactCenter.Ivr.Primitives.Branch;

/// <summary>Raised by Branch.</summary>
/// <param name="InteractionId">The interaction.</param>
/// <param name="NodeId">The node.</param>
/// <param name="CaseIndex">The case taken, or -1 for the default.</param>
/// <param name="Target">The node chosen.</param>
public readonly record struct BranchArguments(InteractionId InteractionId, string NodeId, int CaseIndex, string Target);
