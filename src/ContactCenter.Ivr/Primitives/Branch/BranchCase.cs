namespace ContactCenter.Ivr.Primitives.Branch;

/// <summary>A case of Branch: when every condition holds, go to <see cref="Target"/>.</summary>
public sealed class BranchCase
{
    /// <summary>The conditions, all of which must hold (at least one).</summary>
    public IList<BranchCondition> When { get; set; } = new List<BranchCondition>();

    /// <summary>The node to go to. Required.</summary>
    public string Target { get; set; } = string.Empty;
}
