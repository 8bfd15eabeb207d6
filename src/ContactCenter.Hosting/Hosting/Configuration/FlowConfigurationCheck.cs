using ContactCenter.Channels;
using ContactCenter.Ivr;
using Microsoft.Extensions.Options;

namespace ContactCenter.Hosting.Configuration;

/// <summary>Builds the flow catalog at start and reports every flow problem (unknown targets, unreachable nodes,
/// unreadable files, unknown lookups, bindings to unknown flows or unknown channels, queues that are not
/// configured…) with the other configuration problems. A broken flow does not hide the checks of the others: the
/// queues of every flow that built are checked too.</summary>
internal sealed class FlowConfigurationCheck(FlowCatalog catalog, IOptions<ContactCenterOptions> options, IEnumerable<IChannelConnector> connectors)
    : IContactCenterConfigurationCheck
{
    internal const string Section = ContactCenterOptions.SectionName + ":Flows";

    public IEnumerable<string> Validate()
    {
        var validation = catalog.Validate();
        var problems = validation.Problems
            .Select(p => ConfigurationProblem.Format(Section, p.Flow, p.Path, p.Message.TrimEnd('.'), p.Allowed))
            .ToList();

        var queues = options.Value.Queues.Select(q => q.Id.Value).ToHashSet(StringComparer.Ordinal);
        var queueList = AllowedNames.List(queues, AllowedNames.NoQueue);
        foreach (var flow in validation.Flows.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            foreach (var queue in flow.QueueReferences)
            {
                // A queue named by a {variable} is only known at run time.
                if (!queue.Contains('{', StringComparison.Ordinal) && !queues.Contains(queue))
                {
                    problems.Add(ConfigurationProblem.Format(Section, flow.Name, null, $"queue '{queue}' is not configured (ContactCenter:Queues)", queueList));
                }
            }
        }

        // Flow bindings compare channel names ignoring case (FlowCatalog.BindChannel).
        var names = connectors.Select(c => c.Name).ToList();
        foreach (var channel in validation.BoundChannels)
        {
            if (!names.Contains(channel, StringComparer.OrdinalIgnoreCase))
            {
                problems.Add(ConfigurationProblem.Format(Section + ":Channels", channel, null,
                    $"a flow is bound to channel '{channel}', but no channel of that name is registered", AllowedNames.List(names, AllowedNames.NoChannel)));
            }
        }

        return problems;
    }
}
