namespace ContactCenter.Ivr.Tests;

public sealed class LookupTests
{
    [Theory]
    [InlineData(Medium.Voice)]
    [InlineData(Medium.ChatButtons)]
    [InlineData(Medium.ChatText)]
    public async Task Lookup_Success_StoresValuesAndContinues(Medium medium)
    {
        var h = new Harness();
        var s = h.Session(medium).Choose("1").Enter("1234");

        var result = await h.RunAsync(s.Session);

        Assert.Equal("shipped", result.Variables["order.status"]);
        Assert.Contains("Order 1234 is shipped.", s.Said);
    }

    [Theory]
    [InlineData(Medium.Voice)]
    [InlineData(Medium.ChatText)]
    public async Task Lookup_NotFound_TakesTheNotFoundBranch(Medium medium)
    {
        var h = new Harness();
        var s = h.Session(medium).Choose("1").Enter("9999");

        var result = await h.RunAsync(s.Session);

        Assert.Equal("notFound", result.Variables["order.outcome"]);
        Assert.Contains("We could not find order 9999.", s.Said);
    }

    [Theory]
    [InlineData(Medium.Voice)]
    [InlineData(Medium.ChatButtons)]
    public async Task Lookup_SlowHandler_TimesOutOnTheFakeClock(Medium medium)
    {
        var h = new Harness();
        var s = h.Session(medium).Choose("1").Enter("5555");

        var result = await h.RunAsync(s.Session);

        Assert.Equal("timeout", result.Variables["order.outcome"]);
        Assert.Contains("lookupError", h.Path);
        Assert.Contains("Our order system is not answering right now.", s.Said);
    }

    [Fact]
    public async Task Lookup_HandlerIgnoringItsToken_StillTimesOut()
    {
        var h = new Harness();
        var s = h.Chat().Tap("1").Type("7777");

        var run = h.RunAsync(s);
        Assert.False(run.IsCompleted); // waiting for the order system
        h.Time.Advance(TimeSpan.FromSeconds(3));
        var result = await run;

        Assert.Equal("timeout", result.Variables["order.outcome"]);
        Assert.Equal("goodbye", result.NodeId);
    }

    [Theory]
    [InlineData(Medium.Voice)]
    [InlineData(Medium.ChatText)]
    public async Task Lookup_HandlerThrows_TakesTheErrorBranch(Medium medium)
    {
        var h = new Harness();
        var s = h.Session(medium).Choose("1").Enter("6666");

        var result = await h.RunAsync(s.Session);

        Assert.Equal("error", result.Variables["order.outcome"]);
        Assert.Equal("order system down", result.Variables["order.error"]);
        Assert.Contains("lookupError", h.Path);
    }
}
