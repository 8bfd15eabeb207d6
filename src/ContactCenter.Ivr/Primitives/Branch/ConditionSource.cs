namespace ContactCenter.Ivr.Primitives.Branch;

/// <summary>What a <see cref="BranchCondition"/> looks at.</summary>
public enum ConditionSource
{
    /// <summary>A flow variable named by <see cref="BranchCondition.Name"/>.</summary>
    Variable = 0,

    /// <summary>A customer attribute named by <see cref="BranchCondition.Name"/>.</summary>
    Attribute,

    /// <summary>The session's channel name.</summary>
    Channel,

    /// <summary>The local time of day as <c>HH:mm</c> in <see cref="BranchCondition.TimeZone"/>.</summary>
    TimeOfDay,

    /// <summary>The local day of the week in English (<c>monday</c> … <c>sunday</c>).</summary>
    DayOfWeek,

    /// <summary>The local date as <c>yyyy-MM-dd</c>.</summary>
    Date,
}
