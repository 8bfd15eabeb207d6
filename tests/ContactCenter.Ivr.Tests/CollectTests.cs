namespace ContactCenter.Ivr.Tests;

public sealed class CollectTests
{
    [Fact]
    public async Task CollectDigits_OnVoice_GathersKeysUntilTheTerminator()
    {
        var h = new Harness();
        var s = h.Voice().Press("1").Press("12").Press("34#");

        var result = await h.RunAsync(s);

        Assert.Equal("1234", result.Variables["orderId"]);
        Assert.Equal(4 + 1, s.Requests.Count(r => r.NodeId == "order")); // one wait per key
    }

    [Fact]
    public async Task CollectDigits_OnVoice_StopsAtTheInterDigitTimeout()
    {
        var h = new Harness();
        var s = h.Voice().Press("1").Press("1234").Silence();

        var result = await h.RunAsync(s);

        Assert.Equal("1234", result.Variables["orderId"]);
        Assert.Equal("status", h.Path.ElementAt(5));
    }

    [Fact]
    public async Task CollectDigits_OnText_AcceptsATypedNumberWithSpaces()
    {
        var h = new Harness();
        var s = h.Chat().Tap("1").Type("12 34");

        var result = await h.RunAsync(s);

        Assert.Equal("1234", result.Variables["orderId"]);
    }

    [Fact]
    public async Task CollectDigits_TooShortOrNotDigits_IsRetried()
    {
        var h = new Harness();
        var s = h.Chat().Tap("1").Type("12").Type("abcd").Type("1234");

        var result = await h.RunAsync(s);

        Assert.Equal(2, s.Output.Count(o => o.Text == "Sorry, that is not valid."));
        Assert.Equal("1234", result.Variables["orderId"]);
    }

    [Fact]
    public async Task CollectInput_ValidatesWithTheRegex()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var catalog = new FlowCatalog().Add("f", f => f
            .CollectInput("email", new Primitives.Collect.CollectInputOptions
            {
                Prompt = "Your email?",
                Variable = "email",
                Pattern = @"[^@\s]+@[^@\s]+\.[a-z]+",
                MaxRetries = 1,
                Default = "bad",
            })
            .End("ok", "Thanks {email}.")
            .End("bad", "No email."));
        var runner = new FlowRunner(catalog, new FlowRunnerOptions { TimeProvider = time });
        var s = new Testing.ScriptedTextSession("c", time.Advance).Type("not an email").Type("ann@example.com");

        var result = await runner.RunAsync(s, TestContext.Current.CancellationToken);

        Assert.Equal("ok", result.NodeId);
        Assert.Contains("text: Thanks ann@example.com.", s.Transcript);
    }
}
