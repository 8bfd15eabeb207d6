namespace ContactCenter.Ivr;

/// <summary>The result of a flow run.</summary>
/// <param name="Outcome">How it ended.</param>
/// <param name="FlowName">The flow that was executing when it ended.</param>
/// <param name="NodeId">The node that ended it.</param>
/// <param name="Detail">The queue, transfer target or failure reason, when there is one.</param>
/// <param name="Variables">The flow variables at the end.</param>
public readonly record struct FlowRunResult(
    FlowOutcome Outcome,
    string FlowName,
    string NodeId,
    string? Detail,
    IReadOnlyDictionary<string, string> Variables);
