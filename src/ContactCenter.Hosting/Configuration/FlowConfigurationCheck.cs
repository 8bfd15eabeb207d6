using ContactCenter.Ivr;

namespace ContactCenter.Hosting.Configuration;

/// <summary>Builds the flow catalog at start and reports every flow problem (unknown targets, unreachable nodes,
/// unreadable files, unknown lookups, bindings to unknown flows…) with the other configuration problems.</summary>
internal sealed class FlowConfigurationCheck(FlowCatalog catalog) : IContactCenterConfigurationCheck
{
    public IEnumerable<string> Validate()
    {
        try
        {
            catalog.Build();
            return [];
        }
        catch (FlowValidationException ex)
        {
            return ex.Problems.Count == 0
                ? [$"ContactCenter:Flows: {ex.Message}"]
                : ex.Problems.Select(p => $"ContactCenter:Flows: {p}").ToArray();
        }
    }
}
