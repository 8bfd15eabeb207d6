namespace ContactCenter.Ivr;

/// <summary>One problem found while building a flow or a catalog.</summary>
/// <param name="Flow">The flow (or JSON source) concerned.</param>
/// <param name="NodeId">The node concerned, or null for flow-level problems.</param>
/// <param name="Message">What is wrong, naming the property where there is one.</param>
public sealed record FlowValidationProblem(string Flow, string? NodeId, string Message)
{
    /// <inheritdoc />
    public override string ToString() =>
        NodeId is null ? $"flow '{Flow}': {Message}" : $"flow '{Flow}', node '{NodeId}': {Message}";
}
