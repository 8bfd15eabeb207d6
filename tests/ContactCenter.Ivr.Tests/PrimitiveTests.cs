using ContactCenter.Ivr.Primitives.Branch;
using ContactCenter.Ivr.Primitives.Menu;
using ContactCenter.Ivr.Primitives.Play;
using ContactCenter.Ivr.Primitives.Transfer;
using ContactCenter.Ivr.Services;
using ContactCenter.Testing;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Ivr.Tests;

public sealed class PrimitiveTests
{
    private readonly FakeTimeProvider _time = new(ShopFlows.OpenMonday);

    private FlowRunner Runner(FlowCatalog catalog, ScriptedFlowHost? host = null) =>
        new(catalog, new FlowRunnerOptions { TimeProvider = _time, Host = host ?? new ScriptedFlowHost(_time) });

    [Fact]
    public async Task Play_OnVoicePlaysAudio_OnTextSendsTheFallbackAndLink()
    {
        var catalog = new FlowCatalog().Add("f", f => f
            .Play("p", new PlayOptions { Audio = "file://jingle.wav", FallbackText = "Listen to our jingle:", Link = "https://example.com/jingle" })
            .End("e"));
        var runner = Runner(catalog);
        var voice = new ScriptedVoiceSession("v", null);
        var chat = new ScriptedTextSession("t", null);

        await runner.RunAsync(voice, TestContext.Current.CancellationToken);
        await runner.RunAsync(chat, TestContext.Current.CancellationToken);

        Assert.Equal(["play: file://jingle.wav"], voice.Transcript);
        Assert.Equal(["text: Listen to our jingle:\nhttps://example.com/jingle"], chat.Transcript);
    }

    [Fact]
    public async Task Branch_OnVariablesAttributesChannelAndTime()
    {
        var catalog = new FlowCatalog().Add("f", f => f
            .SetVariable("set", "tries", "3")
            .Branch("b", new BranchOptions
            {
                Cases =
                {
                    new BranchCase { When = { new BranchCondition { Source = ConditionSource.Attribute, Name = "segment", Value = "vip" } }, Target = "vip" },
                    new BranchCase
                    {
                        When =
                        {
                            new BranchCondition { Source = ConditionSource.Channel, Operator = ConditionOperator.In, Value = "telegram, webchat" },
                            new BranchCondition { Source = ConditionSource.Variable, Name = "tries", Operator = ConditionOperator.GreaterThan, Value = "2" },
                        },
                        Target = "chat",
                    },
                    new BranchCase
                    {
                        When = { new BranchCondition { Source = ConditionSource.TimeOfDay, TimeZone = "America/New_York", Operator = ConditionOperator.Between, Value = "22:00..06:00" } },
                        Target = "night",
                    },
                },
                Default = "other",
            })
            .End("vip", "vip")
            .End("chat", "chat")
            .End("night", "night")
            .End("other", "other"));
        var runner = Runner(catalog);

        var vip = new ScriptedVoiceSession("1", null);
        vip.Attributes["segment"] = "VIP";
        var chat = new ScriptedTextSession("2", null, channel: "webchat");
        var voice = new ScriptedVoiceSession("3", null);

        Assert.Equal("vip", (await runner.RunAsync(vip, TestContext.Current.CancellationToken)).NodeId);
        Assert.Equal("chat", (await runner.RunAsync(chat, TestContext.Current.CancellationToken)).NodeId);
        // 09:00 UTC is 04:00 in New York: inside the overnight range.
        Assert.Equal("night", (await runner.RunAsync(voice, TestContext.Current.CancellationToken)).NodeId);
        _time.Advance(TimeSpan.FromHours(6));
        Assert.Equal("other", (await runner.RunAsync(new ScriptedVoiceSession("4", null), TestContext.Current.CancellationToken)).NodeId);
    }

    [Fact]
    public async Task SubFlow_ReturnsToTheCaller_AndGotoJumps()
    {
        var catalog = new FlowCatalog()
            .Add("main", f => f
                .SetVariable("n", "count", "0")
                .SubFlow("call", "greet")
                .Branch("again", new BranchOptions
                {
                    Cases = { new BranchCase { When = { new BranchCondition { Name = "count", Value = "done" } }, Target = "bye" } },
                    Default = "mark",
                })
                .SetVariable("mark", "count", "done")
                .Goto("loop", "call")
                .End("bye", "Bye."))
            .Add("greet", f => f.Say("hi", "Hello from the sub-flow ({count}).").End("ret"));
        var runner = Runner(catalog);
        var s = new ScriptedTextSession("s", null);

        var result = await runner.StartAsync(s, "main", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(["text: Hello from the sub-flow (0).", "text: Hello from the sub-flow (done).", "text: Bye."], s.Transcript);
        Assert.Equal("main", result.FlowName);
        Assert.Equal(FlowOutcome.Ended, result.Outcome);
    }

    [Fact]
    public async Task Transfers_SucceedOrFallBack()
    {
        var host = new ScriptedFlowHost(_time);
        var catalog = new FlowCatalog().Add("f", f => f
            .SetVariable("who", "agent", "anna")
            .TransferToNumber("number", new TransferToNumberOptions { Number = "+15550100" })
            .TransferToAgent("agent", new TransferToAgentOptions { Agent = "{agent}", Message = "Connecting you to {agent}." })
            .TransferToQueue("queue", "support")
            .End("end"));
        var runner = Runner(catalog, host);

        var chat = new ScriptedTextSession("c", null);
        var result = await runner.RunAsync(chat, TestContext.Current.CancellationToken);
        Assert.Equal(FlowOutcome.Transferred, result.Outcome);
        Assert.Equal("anna", result.Detail);
        Assert.Equal(["text: Please call us at +15550100.", "text: Connecting you to anna."], chat.Transcript);

        host.TransfersSucceed = false;
        var voice = new ScriptedVoiceSession("v", null);
        result = await runner.RunAsync(voice, TestContext.Current.CancellationToken);
        Assert.Equal("end", result.NodeId);
        Assert.Equal([TransferKind.Agent, TransferKind.Number, TransferKind.Agent, TransferKind.Queue], host.Transfers.Select(t => t.Kind));
    }

    [Fact]
    public async Task Runner_LoopWithoutInput_FailsInsteadOfSpinning()
    {
        var catalog = new FlowCatalog().Add("f", f => f.SetVariable("a", "x", "1").Goto("b", "a"));
        var runner = new FlowRunner(catalog, new FlowRunnerOptions { TimeProvider = _time, MaxStepsWithoutInput = 50 });

        var result = await runner.RunAsync(new ScriptedTextSession("t", null), TestContext.Current.CancellationToken);

        Assert.Equal(FlowOutcome.Failed, result.Outcome);
        Assert.Contains("without customer input", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_AreRaisedWithReadonlyStructArgs()
    {
        var menuEvents = new List<MenuArguments>();
        var catalog = new FlowCatalog().Add("f", f => f
            .Menu("m", new MenuOptions
            {
                Prompt = "Pick",
                Choices = { new MenuChoice("1", "One", "e") },
                OnInput = e =>
                {
                    menuEvents.Add(e);
                    return ValueTask.CompletedTask;
                },
            })
            .End("e"));
        var completed = new List<FlowCompletedArguments>();
        var runner = new FlowRunner(catalog, new FlowRunnerOptions
        {
            TimeProvider = _time,
            OnCompleted = e =>
            {
                completed.Add(e);
                return ValueTask.CompletedTask;
            },
        });

        await runner.RunAsync(new ScriptedVoiceSession("v", _time.Advance).Press("5").Press("1"), TestContext.Current.CancellationToken);

        Assert.Equal([MenuInputResult.Invalid, MenuInputResult.Chosen], menuEvents.Select(e => e.Result));
        Assert.Equal(2, menuEvents[1].Attempt);
        Assert.Equal(FlowOutcome.Ended, Assert.Single(completed).Result.Outcome);
    }

    [Fact]
    public async Task TextToSpeechHook_IsUsedOnVoice()
    {
        var catalog = new FlowCatalog().Add("f", f => f.Say("s", "Hello").End("e"));
        var runner = new FlowRunner(catalog, new FlowRunnerOptions { TimeProvider = _time, TextToSpeech = new FakeTts() });
        var voice = new ScriptedVoiceSession("v", null);

        await runner.RunAsync(voice, TestContext.Current.CancellationToken);

        Assert.Equal(["play: tts://Hello"], voice.Transcript);
    }

    private sealed class FakeTts : Sessions.ITextToSpeech
    {
        public ValueTask<string> SynthesizeAsync(string text, string? voice, CancellationToken cancellationToken) => ValueTask.FromResult("tts://" + text);
    }
}
