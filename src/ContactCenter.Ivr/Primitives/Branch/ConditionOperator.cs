namespace ContactCenter.Ivr.Primitives.Branch;

/// <summary>How a <see cref="BranchCondition"/> compares. Text comparisons ignore case; GreaterThan/LessThan compare
/// numbers when both sides are numbers and text otherwise (<c>HH:mm</c> and <c>yyyy-MM-dd</c> sort correctly).</summary>
public enum ConditionOperator
{
    /// <summary>Equal to the value.</summary>
    Equals = 0,

    /// <summary>Not equal to the value (a missing subject is not equal).</summary>
    NotEquals,

    /// <summary>Contains the value.</summary>
    Contains,

    /// <summary>Starts with the value.</summary>
    StartsWith,

    /// <summary>Matches the regular expression in the value.</summary>
    Matches,

    /// <summary>Equal to one of the comma-separated values.</summary>
    In,

    /// <summary>Present and not empty.</summary>
    Exists,

    /// <summary>Missing or empty.</summary>
    NotExists,

    /// <summary>Greater than the value.</summary>
    GreaterThan,

    /// <summary>Less than the value.</summary>
    LessThan,

    /// <summary>Within <c>from..to</c> (from inclusive, to exclusive; a time range may wrap past midnight).</summary>
    Between,
}
