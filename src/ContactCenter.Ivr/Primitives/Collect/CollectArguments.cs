namespace ContactCenter.Ivr.Primitives.Collect;

/// <summary>Raised by CollectDigits and CollectInput.</summary>
/// <param name="InteractionId">The interaction.</param>
/// <param name="NodeId">The node.</param>
/// <param name="Result">What happened.</param>
/// <param name="Value">The value collected (possibly invalid; empty on time-out).</param>
/// <param name="Attempt">1 for the first prompt, 2 for the first retry, …</param>
public readonly record struct CollectArguments(InteractionId InteractionId, string NodeId, CollectInputResult Result, string Value, int Attempt);
