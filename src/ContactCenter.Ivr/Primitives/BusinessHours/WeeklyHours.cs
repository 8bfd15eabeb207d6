namespace ContactCenter.Ivr.Primitives.BusinessHours;

/// <summary>Opening hours on some days of the week, in the schedule's time zone.</summary>
public sealed class WeeklyHours
{
    /// <summary>The days (JSON: <c>"monday"</c> …).</summary>
    public IList<DayOfWeek> Days { get; set; } = new List<DayOfWeek>();

    /// <summary>Opening time, <c>HH:mm</c>. Default: <c>09:00</c>.</summary>
    public string Open { get; set; } = "09:00";

    /// <summary>Closing time, <c>HH:mm</c> (exclusive; <c>24:00</c> for midnight; earlier than Open means the
    /// period runs past midnight). Default: <c>17:00</c>.</summary>
    public string Close { get; set; } = "17:00";
}
