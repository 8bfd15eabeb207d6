namespace ContactCenter.Ivr.Primitives.Say;

/// <summary>Raised after Say.</summary>
/// <param name="InteractionId">The interaction.</param>
/// <param name="NodeId">The node.</param>
/// <param name="Text">The text said, placeholders replaced.</param>
public readonly record struct SayArguments(InteractionId InteractionId, string NodeId, string Text);
