namespace ContactCenter.Ivr;

/// <summary>One problem found while building a flow or a catalog.</summary>
/// <param name="Flow">The flow (or JSON source) concerned.</param>
/// <param name="NodeId">The node concerned, or null for flow-level problems.</param>
/// <param name="Message">What is wrong, naming the property where there is one.</param>
public sealed record FlowValidationProblem(string Flow, string? NodeId, string Message)
{
    /// <inheritdoc />
    /// <remarks>In the <see cref="ConfigurationProblem"/> format, with the flow as the item of section <c>Flows</c> and
    /// the node as the option <c>Nodes:{id}</c>, as the host's start-time check reports it under <c>ContactCenter:Flows</c>.</remarks>
    public override string ToString() =>
        ConfigurationProblem.Format("Flows", Flow, NodeId is null ? null : "Nodes:" + NodeId, Message);
}
