using ContactCenter.Core;
using ContactCenter.Ivr;
using Microsoft.Extensions.Options;

namespace ContactCenter.Hosting.Configuration;

/// <summary>Builds the flow catalog at start and reports every flow problem (unknown targets, unreachable nodes,
/// unreadable files, unknown lookups, bindings to unknown flows, queues that are not configured…) with the other
/// configuration problems.</summary>
internal sealed class FlowConfigurationCheck(FlowCatalog catalog, IOptions<ContactCenterOptions> options) : IContactCenterConfigurationCheck
{
    public IEnumerable<string> Validate()
    {
        try
        {
            catalog.Build();
        }
        catch (FlowValidationException ex)
        {
            return ex.Problems.Count == 0
                ? [$"ContactCenter:Flows: {ex.Message}"]
                : ex.Problems.Select(p => $"ContactCenter:Flows: {p}").ToArray();
        }

        var queues = options.Value.Queues.Select(q => q.Id.Value).ToHashSet(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var name in catalog.FlowNames.Order(StringComparer.Ordinal))
        {
            foreach (var queue in catalog.GetFlow(name).QueueReferences)
            {
                // A queue named by a {variable} is only known at run time.
                if (!queue.Contains('{', StringComparison.Ordinal) && !queues.Contains(queue))
                {
                    problems.Add($"ContactCenter:Flows:{name}: queue '{queue}' is not configured (ContactCenter:Queues).");
                }
            }
        }

        return problems;
    }
}
