using System.Text.RegularExpressions;

namespace ContactCenter.Ivr.Engine;

/// <summary>Collects problems and resolves targets while a flow is built.</summary>
internal sealed class NodeValidation
{
    private readonly string _flow;
    private readonly IReadOnlyDictionary<string, FlowNode> _nodes;
    private readonly List<FlowValidationProblem> _problems;
    private readonly Dictionary<FlowNode, List<FlowNode>> _edges;

    public NodeValidation(
        string flow,
        IReadOnlyDictionary<string, FlowNode> nodes,
        List<FlowValidationProblem> problems,
        Dictionary<FlowNode, List<FlowNode>> edges)
    {
        _flow = flow;
        _nodes = nodes;
        _problems = problems;
        _edges = edges;
    }

    public FlowNode Node { get; set; } = null!;

    public List<string> SubFlows { get; } = new();

    public List<string> Lookups { get; } = new();

    public void Problem(string message) => _problems.Add(new FlowValidationProblem(_flow, Node.Id, message));

    /// <summary>A problem with one option of the node, in the one configuration-problem format.</summary>
    public void Problem(string option, string problem, string allowed) =>
        _problems.Add(new FlowValidationProblem(_flow, Node.Id, problem) { Option = option, Allowed = allowed });

    public void Required(string? value, string property)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Problem(property, "is missing", "a value");
        }
    }

    public void Range(TimeSpan value, string property, TimeSpan min, TimeSpan max)
    {
        if (value < min || value > max)
        {
            Problem(property, $"{value} is out of range", $"{min} to {max}");
        }
    }

    public void Range(int value, string property, int min, int max)
    {
        if (value < min || value > max)
        {
            Problem(property, $"{value} is out of range", $"{min} to {max}");
        }
    }

    public Regex? Pattern(string? pattern, string property)
    {
        if (string.IsNullOrEmpty(pattern))
        {
            return null;
        }

        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException ex)
        {
            Problem($"{property} is not a valid regular expression: {ex.Message}");
            return null;
        }
    }

    public TimeZoneInfo? TimeZone(string? id, string property)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return TimeZoneInfo.Utc;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            Problem($"{property} '{id}' is not a known time zone (use an IANA id such as 'Europe/Berlin').");
            return null;
        }
    }

    /// <summary>Resolves an explicit target; a null or empty id is allowed unless <paramref name="required"/>.</summary>
    public FlowNode? Target(string? id, string property, bool required)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            if (required)
            {
                Problem($"missing default branch: {property} is required.");
            }

            return null;
        }

        if (!_nodes.TryGetValue(id, out var target))
        {
            Problem($"{property} targets unknown node '{id}'.");
            return null;
        }

        Edge(target);
        return target;
    }

    /// <summary>Resolves the node's default continuation (its Next, or the node declared after it).</summary>
    /// <param name="defaultBranch">Names the branch when the continuation is a default branch (e.g. "Default,
    /// taken when the retries are used up"); null for a plain sequence.</param>
    public FlowNode? Next(string? defaultBranch = null)
    {
        var id = Node.DefaultNextId;
        if (id is null)
        {
            Problem(defaultBranch is null
                ? "nothing follows this node: set Next, declare a node after it, or finish with End."
                : $"missing default branch: {defaultBranch} — set it, set Next, or declare a node after this one.");
            return null;
        }

        return Target(id, "Next", required: true);
    }

    /// <summary>Resolves an optional target that falls back to the default continuation.</summary>
    public FlowNode? TargetOrNext(string? id, string property, string defaultBranch) =>
        string.IsNullOrWhiteSpace(id) ? Next(defaultBranch) : Target(id, property, required: true);

    private void Edge(FlowNode target)
    {
        if (!_edges.TryGetValue(Node, out var list))
        {
            list = new List<FlowNode>(4);
            _edges[Node] = list;
        }

        list.Add(target);
    }
}
