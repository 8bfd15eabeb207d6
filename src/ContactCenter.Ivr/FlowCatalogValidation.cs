namespace ContactCenter.Ivr;

/// <summary>What <see cref="FlowCatalog.Validate"/> found.</summary>
/// <param name="Problems">Every problem of every flow, lookup reference and binding; empty when the catalog built.</param>
/// <param name="Flows">The flows that built without a problem of their own (also when another flow is broken).</param>
/// <param name="BoundChannels">The channel names bound to a flow (<see cref="FlowCatalog.BindChannel"/>, a JSON file's <c>channels</c>).</param>
public sealed record FlowCatalogValidation(
    IReadOnlyList<FlowValidationProblem> Problems,
    IReadOnlyList<Flow> Flows,
    IReadOnlyList<string> BoundChannels);
