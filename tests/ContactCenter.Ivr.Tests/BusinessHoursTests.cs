using ContactCenter.Ivr.Primitives.BusinessHours;

namespace ContactCenter.Ivr.Tests;

public sealed class BusinessHoursTests
{
    public static TheoryData<Medium, DateTimeOffset, string> ShopTimes => new()
    {
        // 08:30 UTC on Monday is 09:30 in Berlin (UTC+1): open although a UTC reading would say "before 9".
        { Medium.Voice, new DateTimeOffset(2026, 11, 23, 8, 30, 0, TimeSpan.Zero), "welcome" },
        { Medium.ChatButtons, new DateTimeOffset(2026, 11, 23, 8, 30, 0, TimeSpan.Zero), "welcome" },
        // 17:30 UTC on Monday is 18:30 in Berlin: closed although a UTC reading would say "before 18".
        { Medium.Voice, new DateTimeOffset(2026, 11, 23, 17, 30, 0, TimeSpan.Zero), "closed" },
        { Medium.ChatText, new DateTimeOffset(2026, 11, 23, 17, 30, 0, TimeSpan.Zero), "closed" },
        // 23:30 UTC on 24 December is 00:30 on the 25th in Berlin: the holiday, although the UTC date is the 24th.
        { Medium.Voice, new DateTimeOffset(2026, 12, 24, 23, 30, 0, TimeSpan.Zero), "holiday" },
        { Medium.ChatButtons, new DateTimeOffset(2026, 12, 24, 23, 30, 0, TimeSpan.Zero), "holiday" },
        // Christmas day during the usual hours.
        { Medium.ChatText, new DateTimeOffset(2026, 12, 25, 10, 0, 0, TimeSpan.Zero), "holiday" },
        // The 24th has shortened hours (override 09:00-12:00): 10:30 Berlin open, 12:30 Berlin closed.
        { Medium.Voice, new DateTimeOffset(2026, 12, 24, 9, 30, 0, TimeSpan.Zero), "welcome" },
        { Medium.Voice, new DateTimeOffset(2026, 12, 24, 11, 30, 0, TimeSpan.Zero), "closed" },
        // Saturday.
        { Medium.ChatButtons, new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero), "closed" },
        // Summer time: 07:30 UTC is 09:30 CEST (UTC+2) after the switch on 29 March 2026, 08:30 CET the Friday before.
        { Medium.Voice, new DateTimeOffset(2026, 3, 30, 7, 30, 0, TimeSpan.Zero), "welcome" },
        { Medium.Voice, new DateTimeOffset(2026, 3, 27, 7, 30, 0, TimeSpan.Zero), "closed" },
    };

    [Theory]
    [MemberData(nameof(ShopTimes))]
    public async Task BusinessHours_UsesTheScheduleTimeZone_HolidaysAndOverrides(Medium medium, DateTimeOffset now, string expectedNode)
    {
        var h = new Harness(now: now);
        var s = h.Session(medium).HangUp();

        await h.RunAsync(s.Session);

        Assert.Equal(expectedNode, h.Path.ElementAt(1));
        if (expectedNode == "holiday")
        {
            Assert.Contains("We are closed for the holiday.", s.Said);
        }
    }

    [Theory]
    [InlineData("2026-11-22T23:30:00Z", BusinessHoursStatus.Closed)] // Monday 08:30 in Tokyo
    [InlineData("2026-11-23T00:30:00Z", BusinessHoursStatus.Open)] // Monday 09:30 in Tokyo, still Sunday in UTC
    [InlineData("2026-11-27T09:30:00Z", BusinessHoursStatus.Closed)] // Friday 18:30 in Tokyo
    [InlineData("2026-11-29T15:30:00Z", BusinessHoursStatus.Open)] // Monday 00:30 in Tokyo: the overnight shift from Sunday 22:00
    [InlineData("2026-11-29T17:30:00Z", BusinessHoursStatus.Closed)] // Monday 02:30 in Tokyo: the overnight shift ended at 02:00
    [InlineData("2026-11-03T01:00:00Z", BusinessHoursStatus.Holiday)] // Culture Day, Tuesday 10:00 in Tokyo
    public void BusinessHours_Evaluate_AcrossTheDateLine(string utc, BusinessHoursStatus expected)
    {
        var options = new BusinessHoursOptions
        {
            TimeZone = "Asia/Tokyo",
            Weekly =
            {
                new WeeklyHours { Days = { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }, Open = "09:00", Close = "18:00" },
                new WeeklyHours { Days = { DayOfWeek.Sunday }, Open = "22:00", Close = "02:00" },
            },
            Holidays = { new Holiday { Date = new DateOnly(2026, 11, 3), Name = "Culture Day" } },
            Closed = "closed",
        };

        Assert.Equal(expected, options.Evaluate(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
