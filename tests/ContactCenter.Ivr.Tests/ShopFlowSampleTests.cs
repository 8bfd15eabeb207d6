using ContactCenter.Ivr.Services;
using ContactCenter.Testing;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Ivr.Tests;

public sealed class ShopFlowSampleTests
{
    private static readonly string s_path = Path.Combine(AppContext.BaseDirectory, "samples", "shop-flow.json");

    [Theory]
    [InlineData("2026-11-23T09:00:00Z", "Order 10234 is on its way. Expected delivery: tomorrow.")] // Monday 10:00 Berlin
    [InlineData("2026-12-25T09:00:00Z", "We are closed for the holiday. Happy holidays!")]
    [InlineData("2026-11-22T09:00:00Z", "We are closed right now. Our hours are Monday to Friday 8:00-20:00 and Saturday 10:00-16:00.")] // Sunday
    public async Task SampleFlow_LoadsFromJson_AndAnswersOrderStatus(string now, string expected)
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));
        var catalog = new FlowCatalog()
            .AddFromJson(s_path)
            .AddLookup("orderStatus", (request, _) => ValueTask.FromResult(request.Arguments["orderId"] == "10234"
                ? LookupResult.Success(new Dictionary<string, string> { ["status"] = "on its way", ["eta"] = "tomorrow" })
                : LookupResult.NotFound));
        var runner = new FlowRunner(catalog, new FlowRunnerOptions { TimeProvider = time, Host = new ScriptedFlowHost(time) });
        var session = new ScriptedTextSession("console-1", time.Advance, buttons: false, channel: "console").Type("1").Type("10234").Type("no");

        await runner.RunAsync(session, TestContext.Current.CancellationToken);

        Assert.Contains($"text: {expected}", session.Transcript);
    }
}
