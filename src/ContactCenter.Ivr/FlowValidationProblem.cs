namespace ContactCenter.Ivr;

/// <summary>One problem found while building a flow or a catalog.</summary>
/// <param name="Flow">The flow (or JSON source) concerned.</param>
/// <param name="NodeId">The node concerned, or null for flow-level problems.</param>
/// <param name="Message">What is wrong, naming the property where there is one.</param>
public sealed record FlowValidationProblem(string Flow, string? NodeId, string Message)
{
    /// <summary>The node's option concerned (for example <c>MaxRetries</c>), when the problem is about one.</summary>
    public string? Option { get; init; }

    /// <summary>What is allowed, when the problem does not say it.</summary>
    public string? Allowed { get; init; }

    /// <summary>Where the problem is, below the flow: <c>Nodes:{id}:{option}</c>, <c>Nodes:{id}</c>, the option, or
    /// <see langword="null"/> for the flow as a whole.</summary>
    public string? Path => NodeId is null ? Option : Option is null ? "Nodes:" + NodeId : $"Nodes:{NodeId}:{Option}";

    /// <inheritdoc />
    /// <remarks>In the <see cref="ConfigurationProblem"/> format, with the flow as the item of section <c>Flows</c> and
    /// <see cref="Path"/> as the option, as the host's start-time check reports it under <c>ContactCenter:Flows</c>.</remarks>
    public override string ToString() => ConfigurationProblem.Format("Flows", Flow, Path, Message, Allowed);
}
