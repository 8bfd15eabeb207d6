namespace ContactCenter.Ivr.Primitives.Branch;

/// <summary>One test of a <see cref="BranchCase"/>.</summary>
public sealed class BranchCondition
{
    /// <summary>What is tested. Default: a variable.</summary>
    public ConditionSource Source { get; set; }

    /// <summary>The variable or attribute name (for those sources).</summary>
    public string? Name { get; set; }

    /// <summary>The comparison. Default: Equals.</summary>
    public ConditionOperator Operator { get; set; }

    /// <summary>The value compared against (a list for In, <c>from..to</c> for Between, a regex for Matches).</summary>
    public string? Value { get; set; }

    /// <summary>For time sources: the IANA time zone. Default: UTC.</summary>
    public string? TimeZone { get; set; }
}
