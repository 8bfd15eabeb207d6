namespace ContactCenter.Ivr.Primitives.SetVariable;

/// <summary>Raised after SetVariable.</summary>
/// <param name="InteractionId">The interaction.</param>
/// <param name="NodeId">The node.</param>
/// <param name="Name">The variable.</param>
/// <param name="Value">The value set.</param>
public readonly record struct SetVariableArguments(InteractionId InteractionId, string NodeId, string Name, string Value);
