namespace ContactCenter.Ivr.Tests;

public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Runner_ManyConcurrentRuns_AreIndependent()
    {
        var h = new Harness();
        static string Order(int i) => i % 4 == 0 ? "1234" : $"{2000 + i}";
        var sessions = Enumerable.Range(0, 200)
            .Select(i => i % 2 == 0
                ? (Sessions.IFlowSession)h.Voice($"v-{i}").Press("1").Press(Order(i) + "#")
                : h.Chat($"c-{i}").Tap("1").Type(Order(i)))
            .ToArray();

        var results = await Task.WhenAll(sessions.Select(s => Task.Run(async () => await h.Runner.RunAsync(s, TestContext.Current.CancellationToken))));

        for (var i = 0; i < results.Length; i++)
        {
            Assert.Equal(Order(i), results[i].Variables["orderId"]);
            Assert.Equal(i % 4 == 0 ? "found" : "notFound", results[i].Variables["order.outcome"]);
        }

        Assert.Equal(200, ((State.InMemoryFlowStateStore)h.Store).Count);
    }
}
