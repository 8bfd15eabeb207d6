namespace ContactCenter.Ivr;

/// <summary>Raised each time the runner enters a node (after the state was saved); the runtime maps it to the
/// timeline's flow-progress event.</summary>
/// <param name="InteractionId">The interaction.</param>
/// <param name="FlowName">The flow.</param>
/// <param name="NodeId">The node entered.</param>
/// <param name="NodeKind">The primitive (<c>menu</c>, <c>say</c>, … as in JSON).</param>
/// <param name="Step">The step number within the interaction.</param>
/// <param name="Resumed">True for the first step of a run that resumed saved state.</param>
public readonly record struct FlowStepArguments(
    InteractionId InteractionId,
    string FlowName,
    string NodeId,
    string NodeKind,
    long Step,
    bool Resumed);
