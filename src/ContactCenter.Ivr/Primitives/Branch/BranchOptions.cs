using System.Text.Json.Serialization;
using ContactCenter.Ivr.Engine;

namespace ContactCenter.Ivr.Primitives.Branch;

/// <summary>Options of Branch: the first case whose conditions all hold wins; otherwise <see cref="Default"/>.</summary>
public sealed class BranchOptions : NodeOptions
{
    /// <summary>The cases, tested in order.</summary>
    public IList<BranchCase> Cases { get; set; } = new List<BranchCase>();

    /// <summary>Where to go when no case matches. Required: a Branch never falls through silently.</summary>
    public string? Default { get; set; }

    /// <summary>Called with the case taken.</summary>
    [JsonIgnore]
    public Func<BranchArguments, ValueTask>? OnEvaluated { get; set; }

    internal override FlowNode CreateNode(string id) => new BranchNode(id, this);
}
