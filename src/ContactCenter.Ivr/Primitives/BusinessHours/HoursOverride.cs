namespace ContactCenter.Ivr.Primitives.BusinessHours;

/// <summary>Special hours on one local date, replacing the weekly hours and any holiday on that date.</summary>
public sealed class HoursOverride
{
    /// <summary>The date (JSON: <c>"2026-12-24"</c>).</summary>
    public DateOnly Date { get; set; }

    /// <summary>True to close all day.</summary>
    public bool Closed { get; set; }

    /// <summary>Opening time, <c>HH:mm</c> (ignored when <see cref="Closed"/>).</summary>
    public string? Open { get; set; }

    /// <summary>Closing time, <c>HH:mm</c> (ignored when <see cref="Closed"/>).</summary>
    public string? Close { get; set; }
}
