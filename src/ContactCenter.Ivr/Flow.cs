using ContactCenter.Ivr.Engine;

namespace ContactCenter.Ivr;

/// <summary>A validated, immutable flow: named nodes and a start node. Built by <see cref="FlowBuilder"/> or loaded
/// from JSON; safe to run concurrently over any number of sessions.</summary>
public sealed class Flow
{
    private readonly Dictionary<string, FlowNode> _byId;

    internal Flow(string name, FlowNode[] nodes, FlowNode start, Dictionary<string, FlowNode> byId, IReadOnlyList<string> subFlows, IReadOnlyList<string> lookups)
    {
        Name = name;
        Nodes = nodes;
        Start = start;
        _byId = byId;
        SubFlowReferences = subFlows;
        LookupReferences = lookups;
        NodeIds = Array.ConvertAll(nodes, n => n.Id);
    }

    /// <summary>The flow name.</summary>
    public string Name { get; }

    /// <summary>The first node.</summary>
    public string StartNodeId => Start.Id;

    /// <summary>Every node id, in declaration order.</summary>
    public IReadOnlyList<string> NodeIds { get; }

    internal FlowNode[] Nodes { get; }

    internal FlowNode Start { get; }

    internal IReadOnlyList<string> SubFlowReferences { get; }

    internal IReadOnlyList<string> LookupReferences { get; }

    /// <summary>The queues this flow's Enqueue, TransferToQueue and OfferCallback nodes name, so a host can check them at start.</summary>
    public IReadOnlyList<string> QueueReferences => Nodes.Select(n => n.QueueReference).OfType<string>().Where(q => q.Length > 0).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>The JSON type name of a node (<c>menu</c>, <c>say</c>, …).</summary>
    /// <param name="nodeId">The node id.</param>
    /// <returns>The kind, or null when the flow has no such node.</returns>
    public string? GetNodeKind(string nodeId) => _byId.TryGetValue(nodeId, out var node) ? node.Kind : null;

    internal FlowNode? FindNode(string id) => _byId.GetValueOrDefault(id);
}
