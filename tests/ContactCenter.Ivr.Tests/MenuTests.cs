using ContactCenter.Testing;

namespace ContactCenter.Ivr.Tests;

public sealed class MenuTests
{
    [Theory]
    [InlineData(Medium.Voice)]
    [InlineData(Medium.ChatButtons)]
    [InlineData(Medium.ChatText)]
    public async Task Menu_ValidChoice_GoesToTheChosenBranch(Medium medium)
    {
        var h = new Harness();
        var s = h.Session(medium).Choose("1").Enter("1234");

        var result = await h.RunAsync(s.Session);

        Assert.Equal(FlowOutcome.Ended, result.Outcome);
        Assert.Equal(["hours", "welcome", "menu", "order", "lookup", "status", "goodbye"], h.Path);
        Assert.Equal("1", result.Variables["menu.choice"]);
        Assert.Contains("Order 1234 is shipped.", s.Said);
    }

    [Fact]
    public async Task Menu_OnVoice_IsSpokenWithKeys()
    {
        var h = new Harness();
        var s = h.Voice().Press("2").HangUp();

        await h.RunAsync(s);

        Assert.Contains("say: Main menu. For Order status, press 1. For Sales, press 2. For Questions, press 3.", s.Transcript);
    }

    [Fact]
    public async Task Menu_OnChatWithButtons_IsSentAsButtons()
    {
        var h = new Harness();
        var s = h.Chat(buttons: true).Tap("2").HangUp();

        await h.RunAsync(s);

        var menu = s.Output.Single(o => o.Kind == SessionOutputKind.Buttons && o.Text == "Main menu.");
        Assert.Equal(["1:Order status", "2:Sales", "3:Questions"], menu.Buttons!.Select(b => b.Payload + ":" + b.Label));
    }

    [Fact]
    public async Task Menu_OnChatWithoutButtons_IsANumberedList_AndTheLabelCanBeTyped()
    {
        var h = new Harness();
        var s = h.Chat(buttons: false).Type("sales").HangUp();

        await h.RunAsync(s);

        Assert.Contains("text: Main menu.\n1. Order status\n2. Sales\n3. Questions", s.Transcript);
        Assert.Contains("sales", h.Path);
    }

    [Theory]
    [InlineData(Medium.Voice)]
    [InlineData(Medium.ChatButtons)]
    [InlineData(Medium.ChatText)]
    public async Task Menu_InvalidInput_IsRetried_ThenAcceptsAValidChoice(Medium medium)
    {
        var h = new Harness();
        var s = h.Session(medium).Choose("7").Choose("5").Choose("1").Enter("9999");

        var result = await h.RunAsync(s.Session);

        Assert.Equal(2, s.Said.Count(t => t == "Sorry, that is not one of the options."));
        Assert.Equal(3, s.Said.Count(t => t.StartsWith("Main menu.", StringComparison.Ordinal)));
        Assert.Contains("We could not find order 9999.", s.Said);
        Assert.Equal(FlowOutcome.Ended, result.Outcome);
    }

    [Theory]
    [InlineData(Medium.Voice)]
    [InlineData(Medium.ChatButtons)]
    [InlineData(Medium.ChatText)]
    public async Task Menu_InvalidInputEveryTime_TakesTheDefaultBranchAfterTheRetries(Medium medium)
    {
        var h = new Harness();
        var s = h.Session(medium).Choose("7").Choose("7").Choose("7");

        var result = await h.RunAsync(s.Session);

        Assert.Equal("noInput", result.NodeId);
        Assert.Equal(3, s.Said.Count(t => t == "Sorry, that is not one of the options."));
        Assert.Contains("Sorry, we could not understand you. Goodbye.", s.Said);
    }

    [Theory]
    [InlineData(Medium.Voice)]
    [InlineData(Medium.ChatButtons)]
    [InlineData(Medium.ChatText)]
    public async Task Menu_Silence_TimesOutOnTheFakeClock_AndRetries(Medium medium)
    {
        var h = new Harness();
        var s = h.Session(medium).Silence().Silence().Silence();
        var start = h.Time.GetUtcNow();

        var result = await h.RunAsync(s.Session);

        Assert.Equal("noInput", result.NodeId);
        Assert.Equal(3, s.Said.Count(t => t == "Sorry, I did not get an answer."));
        Assert.Equal(TimeSpan.FromSeconds(15), h.Time.GetUtcNow() - start); // 3 waits of exactly 5 s, no more
    }

    [Fact]
    public async Task Menu_SilenceThenChoice_Continues()
    {
        var h = new Harness();
        var s = h.Voice().Silence().Press("1").Press("1234#");

        var result = await h.RunAsync(s);

        Assert.Equal("goodbye", result.NodeId);
        Assert.Contains("say: Sorry, I did not get an answer.", s.Transcript);
        Assert.Contains("say: Order 1234 is shipped.", s.Transcript);
    }

    [Fact]
    public async Task Menu_CustomerHangsUp_EndsWithCustomerLeft()
    {
        var h = new Harness();
        var s = h.Voice().HangUp();

        var result = await h.RunAsync(s);

        Assert.Equal(FlowOutcome.CustomerLeft, result.Outcome);
        Assert.Equal("menu", result.NodeId);
    }

    [Fact]
    public async Task Menu_MultiDigitKeys_OnVoice_AreGatheredKeyByKey()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var catalog = new FlowCatalog().Add("f", f => f
            .Menu("m", "Pick.", new Primitives.Menu.MenuChoice("1", "One", "one"), new Primitives.Menu.MenuChoice("10", "Ten", "ten"))
            .End("one", "one")
            .End("ten", "ten"));
        var runner = new FlowRunner(catalog, new FlowRunnerOptions { TimeProvider = time });

        var ten = await runner.RunAsync(new ScriptedVoiceSession("a", time.Advance).Press("10"), TestContext.Current.CancellationToken);
        var one = await runner.RunAsync(new ScriptedVoiceSession("b", time.Advance).Press("1").Silence(), TestContext.Current.CancellationToken);

        Assert.Equal("ten", ten.NodeId);
        Assert.Equal("one", one.NodeId);
    }
}
