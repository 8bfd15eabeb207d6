using System.Text.Json.Serialization;
using ContactCenter.Ivr.Engine;

namespace ContactCenter.Ivr.Primitives.BusinessHours;

/// <summary>Options of BusinessHours: a weekly schedule in a time zone with holidays and per-date overrides.
/// Open continues at Next; closed goes to <see cref="Closed"/>; a holiday goes to <see cref="Holiday"/> (default:
/// Closed). The current time comes from the runner's <see cref="TimeProvider"/>.</summary>
public sealed class BusinessHoursOptions : NodeOptions
{
    /// <summary>The IANA time zone of the schedule (e.g. <c>Europe/Berlin</c>). Default: UTC.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>The weekly opening hours.</summary>
    public IList<WeeklyHours> Weekly { get; set; } = new List<WeeklyHours>();

    /// <summary>Dates closed all day.</summary>
    public IList<Holiday> Holidays { get; set; } = new List<Holiday>();

    /// <summary>Dates with special hours.</summary>
    public IList<HoursOverride> Overrides { get; set; } = new List<HoursOverride>();

    /// <summary>Where to go when closed. Required (the default branch).</summary>
    public string? Closed { get; set; }

    /// <summary>Where to go on a holiday. Default: <see cref="Closed"/>.</summary>
    public string? Holiday { get; set; }

    /// <summary>Called with the status found.</summary>
    [JsonIgnore]
    public Func<BusinessHoursArguments, ValueTask>? OnEvaluated { get; set; }

    /// <summary>Evaluates the schedule at an instant (useful to test a schedule).</summary>
    /// <param name="now">The instant.</param>
    /// <returns>Open, closed or holiday.</returns>
    /// <exception cref="FlowValidationException">The schedule is invalid.</exception>
    public BusinessHoursStatus Evaluate(DateTimeOffset now)
    {
        var problems = new List<FlowValidationProblem>();
        var v = new NodeValidation("schedule", new Dictionary<string, FlowNode>(), problems, new Dictionary<FlowNode, List<FlowNode>>());
        v.Node = new BusinessHoursNode("schedule", this);
        var schedule = BusinessSchedule.Compile(this, v);
        if (problems.Count > 0)
        {
            throw new FlowValidationException(problems);
        }

        return schedule.Evaluate(now).Status;
    }

    internal override FlowNode CreateNode(string id) => new BusinessHoursNode(id, this);
}
