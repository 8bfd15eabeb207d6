namespace ContactCenter.Ivr.Json;

/// <summary>Parses the JSON flow format outside a catalog (e.g. to test a definition). The format is described in
/// docs/ivr.md; a catalog loads it with <see cref="FlowCatalog.AddFromJson(string)"/>.</summary>
public static class FlowJson
{
    /// <summary>The <c>type</c> names the format knows.</summary>
    public static IReadOnlyCollection<string> NodeTypes => FlowJsonReader.TypeNames;

    /// <summary>Parses and validates every flow in a JSON text.</summary>
    /// <param name="json">A flow object, an array of flows, or <c>{ "flows": [...] }</c>.</param>
    /// <returns>The flows.</returns>
    /// <exception cref="FlowValidationException">Listing every problem found.</exception>
    public static IReadOnlyList<Flow> ParseAll(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var problems = new List<FlowValidationProblem>();
        var flows = new List<Flow>();
        foreach (var definition in FlowJsonReader.Read(json, "json", problems))
        {
            if (definition.Builder!.TryBuild(problems) is { } flow)
            {
                flows.Add(flow);
            }
        }

        if (problems.Count > 0)
        {
            throw new FlowValidationException(problems);
        }

        return flows;
    }

    /// <summary>Parses and validates a JSON text holding exactly one flow.</summary>
    /// <param name="json">The JSON.</param>
    /// <returns>The flow.</returns>
    /// <exception cref="FlowValidationException">Listing every problem found.</exception>
    public static Flow Parse(string json)
    {
        var flows = ParseAll(json);
        return flows.Count == 1
            ? flows[0]
            : throw new FlowValidationException(new[] { new FlowValidationProblem("json", null, $"expected one flow, found {flows.Count}.") });
    }
}
