namespace ContactCenter.Ivr.Primitives.BusinessHours;

/// <summary>The result of a business-hours check.</summary>
public enum BusinessHoursStatus
{
    /// <summary>Within opening hours.</summary>
    Open = 0,

    /// <summary>Outside opening hours.</summary>
    Closed,

    /// <summary>A holiday.</summary>
    Holiday,
}
