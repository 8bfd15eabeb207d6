namespace ContactCenter.Ivr.Primitives.SubFlow;

/// <summary>Raised when SubFlow calls a flow.</summary>
/// <param name="InteractionId">The interaction.</param>
/// <param name="NodeId">The node.</param>
/// <param name="Flow">The flow called.</param>
public readonly record struct SubFlowArguments(InteractionId InteractionId, string NodeId, string Flow);
