using System.Globalization;
using ContactCenter.Ivr.Engine;

namespace ContactCenter.Ivr.Primitives.BusinessHours;

/// <summary>A compiled weekly schedule: intervals per weekday in minutes since local midnight.</summary>
internal sealed class BusinessSchedule
{
    private readonly TimeZoneInfo _zone;
    private readonly List<(int Open, int Close)>[] _week;
    private readonly Dictionary<DateOnly, (int Open, int Close)?> _overrides;
    private readonly HashSet<DateOnly> _holidays;

    private BusinessSchedule(TimeZoneInfo zone, List<(int, int)>[] week, Dictionary<DateOnly, (int, int)?> overrides, HashSet<DateOnly> holidays)
    {
        _zone = zone;
        _week = week;
        _overrides = overrides;
        _holidays = holidays;
    }

    public static BusinessSchedule Compile(BusinessHoursOptions o, NodeValidation v)
    {
        var zone = v.TimeZone(o.TimeZone, nameof(BusinessHoursOptions.TimeZone)) ?? TimeZoneInfo.Utc;
        var week = new List<(int, int)>[7];
        for (var d = 0; d < 7; d++)
        {
            week[d] = new List<(int, int)>();
        }

        var weekly = o.Weekly ?? new List<WeeklyHours>();
        if (weekly.Count == 0)
        {
            v.Problem("Weekly needs at least one entry of opening hours.");
        }

        for (var i = 0; i < weekly.Count; i++)
        {
            var w = weekly[i];
            var open = ParseTime(w.Open, $"Weekly[{i}].Open", v);
            var close = ParseTime(w.Close, $"Weekly[{i}].Close", v);
            if (w.Days is null || w.Days.Count == 0)
            {
                v.Problem($"Weekly[{i}].Days needs at least one day.");
                continue;
            }

            foreach (var day in w.Days)
            {
                week[(int)day].Add((open, close));
            }
        }

        var overrides = new Dictionary<DateOnly, (int, int)?>();
        var list = o.Overrides ?? new List<HoursOverride>();
        for (var i = 0; i < list.Count; i++)
        {
            var ov = list[i];
            overrides[ov.Date] = ov.Closed
                ? null
                : (ParseTime(ov.Open, $"Overrides[{i}].Open", v), ParseTime(ov.Close, $"Overrides[{i}].Close", v));
        }

        var holidays = new HashSet<DateOnly>((o.Holidays ?? new List<Holiday>()).Select(h => h.Date));
        return new BusinessSchedule(zone, week, overrides, holidays);
    }

    public (BusinessHoursStatus Status, DateTimeOffset Local) Evaluate(DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(now, _zone);
        var date = DateOnly.FromDateTime(local.DateTime);
        var minute = (local.Hour * 60) + local.Minute;
        if (_overrides.TryGetValue(date, out var special))
        {
            return (special is { } s && Within(s.Open, s.Close, minute, spillOnly: false) ? BusinessHoursStatus.Open : BusinessHoursStatus.Closed, local);
        }

        if (_holidays.Contains(date))
        {
            return (BusinessHoursStatus.Holiday, local);
        }

        foreach (var (open, close) in _week[(int)local.DayOfWeek])
        {
            if (Within(open, close, minute, spillOnly: false))
            {
                return (BusinessHoursStatus.Open, local);
            }
        }

        // A period that started yesterday and runs past midnight.
        foreach (var (open, close) in _week[((int)local.DayOfWeek + 6) % 7])
        {
            if (Within(open, close, minute, spillOnly: true))
            {
                return (BusinessHoursStatus.Open, local);
            }
        }

        return (BusinessHoursStatus.Closed, local);
    }

    private static bool Within(int open, int close, int minute, bool spillOnly)
    {
        if (close > open)
        {
            return !spillOnly && minute >= open && minute < close;
        }

        // Runs past midnight: today's part is [open, 24:00), tomorrow's spill is [00:00, close).
        return spillOnly ? minute < close : minute >= open;
    }

    private static int ParseTime(string? text, string property, NodeValidation v)
    {
        if (text == "24:00")
        {
            return 24 * 60;
        }

        if (text is not null && TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return (time.Hour * 60) + time.Minute;
        }

        v.Problem($"{property} must be a time HH:mm (got '{text}').");
        return 0;
    }
}
