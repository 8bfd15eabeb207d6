using ContactCenter.Ivr.Engine;

namespace ContactCenter.Ivr;

/// <summary>
/// Builds a <see cref="Flow"/> in code: <c>new FlowBuilder("main").Say("hi", "Hello").Menu("menu", …).Build()</c>.
/// Nodes run in declaration order unless a node names another target; the first node is the start unless
/// <see cref="StartAt"/> says otherwise. <see cref="Build"/> validates everything and throws one
/// <see cref="FlowValidationException"/> listing every problem. Not thread-safe.
/// </summary>
public sealed class FlowBuilder
{
    private readonly List<(string Id, NodeOptions Options)> _nodes = new();
    private readonly List<FlowValidationProblem> _pending = new();
    private string? _start;

    /// <summary>Creates a builder.</summary>
    /// <param name="name">The flow name (unique within a catalog).</param>
    public FlowBuilder(string name)
    {
        Name = name ?? string.Empty;
    }

    /// <summary>The flow name.</summary>
    public string Name { get; }

    /// <summary>The number of nodes added so far.</summary>
    public int Count => _nodes.Count;

    /// <summary>Sets the start node. Default: the first node added.</summary>
    /// <param name="nodeId">The node id.</param>
    /// <returns>The builder.</returns>
    public FlowBuilder StartAt(string nodeId)
    {
        _start = nodeId;
        return this;
    }

    /// <summary>Adds a node of any primitive. The primitive-specific extension methods (<c>Say</c>, <c>Menu</c>, …) call this.</summary>
    /// <param name="id">The node id, unique within the flow.</param>
    /// <param name="options">The primitive's options; not copied, so do not change them after <see cref="Build"/>.</param>
    /// <returns>The builder.</returns>
    public FlowBuilder Add(string id, NodeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _nodes.Add((id ?? string.Empty, options));
        return this;
    }

    /// <summary>Validates the definition and builds the flow.</summary>
    /// <returns>The flow.</returns>
    /// <exception cref="FlowValidationException">Listing every problem: unknown targets, unreachable nodes, missing
    /// default branches, time-outs out of range, missing or invalid options.</exception>
    public Flow Build()
    {
        var problems = new List<FlowValidationProblem>();
        var flow = TryBuild(problems);
        if (problems.Count > 0)
        {
            throw new FlowValidationException(problems);
        }

        return flow!;
    }

    internal void AddProblem(string? nodeId, string message) => _pending.Add(new FlowValidationProblem(Name, nodeId, message));

    internal Flow? TryBuild(List<FlowValidationProblem> problems)
    {
        var before = problems.Count;
        problems.AddRange(_pending);
        if (string.IsNullOrWhiteSpace(Name))
        {
            problems.Add(new FlowValidationProblem(Name, null, "the flow has no name."));
        }

        if (_nodes.Count == 0)
        {
            problems.Add(new FlowValidationProblem(Name, null, "the flow has no nodes."));
            return null;
        }

        var nodes = new FlowNode[_nodes.Count];
        var byId = new Dictionary<string, FlowNode>(StringComparer.Ordinal);
        for (var i = 0; i < _nodes.Count; i++)
        {
            var (id, options) = _nodes[i];
            var node = options.CreateNode(id);
            node.DefaultNextId = options.Next ?? (i + 1 < _nodes.Count ? _nodes[i + 1].Id : null);
            nodes[i] = node;
            if (string.IsNullOrWhiteSpace(id))
            {
                problems.Add(new FlowValidationProblem(Name, null, $"node #{i + 1} ({node.Kind}) has no id."));
            }
            else if (!byId.TryAdd(id, node))
            {
                problems.Add(new FlowValidationProblem(Name, id, "duplicate node id."));
            }
        }

        FlowNode start = nodes[0];
        if (_start is not null)
        {
            if (byId.TryGetValue(_start, out var s))
            {
                start = s;
            }
            else
            {
                problems.Add(new FlowValidationProblem(Name, null, $"the start node '{_start}' does not exist."));
            }
        }

        var edges = new Dictionary<FlowNode, List<FlowNode>>(ReferenceEqualityComparer.Instance);
        var v = new NodeValidation(Name, byId, problems, edges);
        foreach (var node in nodes)
        {
            v.Node = node;
            node.Prepare(v);
        }

        // Reachability from the start node over every resolved target.
        var seen = new HashSet<FlowNode>(ReferenceEqualityComparer.Instance) { start };
        var work = new Stack<FlowNode>();
        work.Push(start);
        while (work.Count > 0)
        {
            if (edges.TryGetValue(work.Pop(), out var targets))
            {
                foreach (var t in targets)
                {
                    if (seen.Add(t))
                    {
                        work.Push(t);
                    }
                }
            }
        }

        foreach (var node in nodes)
        {
            if (!seen.Contains(node) && !string.IsNullOrWhiteSpace(node.Id))
            {
                problems.Add(new FlowValidationProblem(Name, node.Id, $"unreachable: no path leads here from the start node '{start.Id}'."));
            }
        }

        if (problems.Count > before)
        {
            return null;
        }

        return new Flow(Name, nodes, start, byId, v.SubFlows.Distinct(StringComparer.Ordinal).ToArray(), v.Lookups.Distinct(StringComparer.Ordinal).ToArray());
    }
}
