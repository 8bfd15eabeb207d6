namespace ContactCenter.Ivr.Engine;

/// <summary>What a node tells the runner to do next; a value, so the hot path allocates nothing.</summary>
internal readonly struct NodeResult
{
    private NodeResult(NodeResultKind kind, FlowNode? next, FlowOutcome outcome, string? detail)
    {
        Kind = kind;
        Next = next;
        Outcome = outcome;
        Detail = detail;
    }

    public NodeResultKind Kind { get; }

    public FlowNode? Next { get; }

    public FlowOutcome Outcome { get; }

    /// <summary>For <see cref="NodeResultKind.Call"/>: the flow to call; otherwise the result detail.</summary>
    public string? Detail { get; }

    public static NodeResult CustomerLeft => new(NodeResultKind.Finish, null, FlowOutcome.CustomerLeft, null);

    public static NodeResult Continue(FlowNode next) => new(NodeResultKind.Continue, next, default, null);

    public static NodeResult Finish(FlowOutcome outcome, string? detail = null) => new(NodeResultKind.Finish, null, outcome, detail);

    public static NodeResult Call(string flowName) => new(NodeResultKind.Call, null, default, flowName);
}
