namespace ContactCenter.Ivr.Primitives.BusinessHours;

/// <summary>A local date on which the business is closed all day.</summary>
public sealed class Holiday
{
    /// <summary>The date (JSON: <c>"2026-12-25"</c>).</summary>
    public DateOnly Date { get; set; }

    /// <summary>A name for reports, or null.</summary>
    public string? Name { get; set; }
}
