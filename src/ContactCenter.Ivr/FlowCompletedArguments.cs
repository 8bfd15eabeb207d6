namespace ContactCenter.Ivr;

/// <summary>Raised when a run ends (not when it is cancelled: a cancelled run can be resumed).</summary>
/// <param name="InteractionId">The interaction.</param>
/// <param name="Result">The result.</param>
public readonly record struct FlowCompletedArguments(InteractionId InteractionId, FlowRunResult Result);
