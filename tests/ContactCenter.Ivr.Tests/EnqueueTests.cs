using ContactCenter.Ivr.Primitives.Enqueue;
using ContactCenter.Ivr.State;
using ContactCenter.Testing;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Ivr.Tests;

public sealed class EnqueueTests
{
    [Theory]
    [InlineData(Medium.Voice)]
    [InlineData(Medium.ChatButtons)]
    [InlineData(Medium.ChatText)]
    public async Task Enqueue_AnnouncesPositionAndWait_UntilAnAgentConnects(Medium medium)
    {
        var h = new Harness();
        h.Host.InitialPosition = 3;
        h.Host.EstimatedWaitPerPosition = TimeSpan.FromMinutes(2);
        h.Host.ConnectAfter = TimeSpan.FromSeconds(95);
        var s = h.Session(medium).Choose("2").Silence().Silence().Silence().Silence();

        var result = await h.RunAsync(s.Session);

        Assert.Equal(FlowOutcome.Enqueued, result.Outcome);
        Assert.Equal("sales", result.Detail);
        var positions = s.Said.Where(t => t.StartsWith("You are number", StringComparison.Ordinal)).ToArray();
        Assert.Equal(
            ["You are number 3 in the queue.", "You are number 2 in the queue.", "You are number 1 in the queue.", "You are number 1 in the queue."],
            positions);
        Assert.Contains("The estimated wait is about 6 minutes.", s.Said);
        Assert.Equal(["sales"], Assert.Single(h.Host.Tickets).Request.Skills);
    }

    [Fact]
    public async Task Enqueue_OnVoice_OffersTheLeaveKeys()
    {
        var h = new Harness();
        var s = h.Voice().Press("2").HangUp();

        var result = await h.RunAsync(s);

        Assert.Contains("say: You can also leave the queue. For a call back, press 8. For voicemail, press 9.", s.Transcript);
        Assert.Equal(FlowOutcome.CustomerLeft, result.Outcome);
        Assert.True(Assert.Single(h.Host.Tickets).Left);
    }

    [Fact]
    public async Task Enqueue_LeaveToCallback_OnVoice_UsesTheCallerId()
    {
        var h = new Harness();
        h.Host.InitialPosition = 5;
        var s = h.Voice().Press("2").Silence().Press("8").Press("1");
        s.CustomerPhoneNumber = "+4930123456";

        var result = await h.RunAsync(s);

        Assert.Equal(FlowOutcome.CallbackScheduled, result.Outcome);
        Assert.True(Assert.Single(h.Host.Tickets).Left);
        var callback = Assert.Single(h.Host.Callbacks);
        Assert.Equal("+4930123456", callback.PhoneNumber);
        Assert.Equal(new QueueId("sales"), callback.Queue);
        Assert.Contains("say: Thank you. We will call you back at +4930123456.", s.Transcript);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Enqueue_LeaveToCallback_OnChat_AsksForTheNumber(bool buttons)
    {
        var h = new Harness();
        var s = h.Chat(buttons: buttons);
        if (buttons)
        {
            s.Tap("2").Silence().Tap("8").Tap("1").Type("+49 30 123456");
        }
        else
        {
            s.Type("2").Type("callback").Type("yes").Type("+49 30 123456");
        }

        var result = await h.RunAsync(s);

        Assert.Equal(FlowOutcome.CallbackScheduled, result.Outcome);
        Assert.Equal("+49 30 123456", Assert.Single(h.Host.Callbacks).PhoneNumber);
        Assert.Contains(s.Output, o => o.Text == "Please enter the phone number we should call.");
    }

    [Theory]
    [InlineData(Medium.Voice)]
    [InlineData(Medium.ChatText)]
    public async Task Enqueue_AgentAcceptsAsTheCustomerChoosesVoicemail_CustomerStaysWithTheAgent(Medium medium)
    {
        var h = new Harness();
        h.Host.AgentAcceptsAsCustomerLeaves = true;
        var s = h.Session(medium).Choose("2").Choose("9");

        var result = await h.RunAsync(s.Session);

        Assert.Equal(FlowOutcome.Enqueued, result.Outcome);
        Assert.Empty(h.Host.Voicemails);
        Assert.False(Assert.Single(h.Host.Tickets).Left);
    }

    [Theory]
    [InlineData(Medium.Voice)]
    [InlineData(Medium.ChatText)]
    public async Task Enqueue_LeaveToVoicemail_SubmitsTheMessage(Medium medium)
    {
        var h = new Harness();
        var s = h.Session(medium).Choose("2").Choose("9");
        s.Text?.Type("Please call me about order 1234.");

        var result = await h.RunAsync(s.Session);

        Assert.Equal("goodbye", result.NodeId);
        var voicemail = Assert.Single(h.Host.Voicemails);
        Assert.Equal(new QueueId("sales"), voicemail.Queue);
        if (medium == Medium.Voice)
        {
            Assert.Equal("memory://recording/1", voicemail.RecordingLocation);
        }
        else
        {
            Assert.Equal("Please call me about order 1234.", voicemail.Text);
        }
    }

    [Fact]
    public async Task Enqueue_QueueRefuses_TakesNext()
    {
        var h = new Harness();
        h.Host.RefusedQueues.Add("sales");
        var s = h.Voice().Press("2");

        var result = await h.RunAsync(s);

        Assert.Contains("queueClosed", h.Path);
        Assert.Equal("goodbye", result.NodeId);
    }

    [Fact]
    public async Task Enqueue_WithoutPosition_RepeatsTheHoldMessage()
    {
        var h = new Harness();
        h.Host.ConnectAfter = TimeSpan.FromSeconds(45);
        var s = h.Chat().Tap("2").Silence().Silence();

        var result = await h.RunAsync(s);

        Assert.Equal(FlowOutcome.Enqueued, result.Outcome);
        Assert.Equal(2, s.Output.Count(o => o.Text == "All our agents are busy. Please stay with us."));
        Assert.Equal(ShopFlows.OpenMonday.AddSeconds(60), h.Time.GetUtcNow()); // the second wait ended when the agent connected
    }

    private const string Busy = "All our agents are busy. Please stay with us.";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Enqueue_AgentConnectsWithinTheGracePeriod_SaysNothingAboutBusyAgents(bool fromJson)
    {
        var (time, host, runner) = GraceRunner(fromJson, holdMessageDelay: null);
        host.ConnectAfter = TimeSpan.FromSeconds(3);
        var session = new ScriptedVoiceSession("grace-1", time.Advance).Silence();

        var result = await runner.RunAsync(session, TestContext.Current.CancellationToken);

        Assert.Equal(FlowOutcome.Enqueued, result.Outcome);
        Assert.DoesNotContain(session.Output, o => o.Text == Busy);
        Assert.Empty(session.Output);
    }

    [Fact]
    public async Task Enqueue_OfferOutWhenTheGracePeriodEnds_AnnouncesOnlyOnceWaitingAgain()
    {
        var (time, host, runner) = GraceRunner(fromJson: false, holdMessageDelay: null);
        host.OfferedFor = TimeSpan.FromSeconds(8); // ringing an agent who does not answer
        host.ConnectAfter = TimeSpan.FromSeconds(30);
        var start = time.GetUtcNow();
        var session = new ScriptedVoiceSession("grace-2", time.Advance).Silence().Silence().Silence();

        var result = await runner.RunAsync(session, TestContext.Current.CancellationToken);

        Assert.Equal(FlowOutcome.Enqueued, result.Outcome);
        Assert.Equal(1, session.Output.Count(o => o.Text == Busy));

        // Silent at 5 s (offer out), announced at 10 s (waiting again), then one 30 s interval until the agent came.
        Assert.Equal(start.AddSeconds(40), time.GetUtcNow());
    }

    [Fact]
    public async Task Enqueue_HoldMessageDelayFromJson_AnnouncesAfterThatDelay()
    {
        var (time, host, runner) = GraceRunner(fromJson: true, holdMessageDelay: "12s");
        host.ConnectAfter = TimeSpan.FromSeconds(20);
        var start = time.GetUtcNow();
        var session = new ScriptedVoiceSession("grace-3", time.Advance).Silence().Silence();

        var result = await runner.RunAsync(session, TestContext.Current.CancellationToken);

        Assert.Equal(FlowOutcome.Enqueued, result.Outcome);
        Assert.Equal(1, session.Output.Count(o => o.Text == Busy));
        Assert.Equal(start.AddSeconds(12 + 30), time.GetUtcNow());
    }

    [Fact]
    public void Enqueue_HoldMessageDelayOutOfRange_IsAValidationProblem()
    {
        var catalog = new FlowCatalog().Add("main", f => f
            .Enqueue("queue", new EnqueueOptions { Queue = "support", HoldMessageDelay = TimeSpan.FromHours(1), Next = "bye" })
            .End("bye", "Bye."));

        var ex = Assert.Throws<FlowValidationException>(() => catalog.Build());

        Assert.Contains(ex.Problems, p => p.Option == nameof(EnqueueOptions.HoldMessageDelay) && p.Message.Contains("out of range", StringComparison.Ordinal));
    }

    /// <summary>A flow that only queues, with the default grace period (code, or JSON without the option) or the given one (JSON).</summary>
    private static (FakeTimeProvider Time, ScriptedFlowHost Host, FlowRunner Runner) GraceRunner(bool fromJson, string? holdMessageDelay)
    {
        var time = new FakeTimeProvider(ShopFlows.OpenMonday);
        var host = new ScriptedFlowHost(time);
        var catalog = new FlowCatalog();
        if (fromJson)
        {
            var delay = holdMessageDelay is null ? string.Empty : $", \"holdMessageDelay\": \"{holdMessageDelay}\"";
            catalog.AddJson($$"""
            {
              "name": "main",
              "channels": ["voice"],
              "nodes": [
                { "id": "queue", "type": "enqueue", "queue": "support", "positionMessage": "", "waitTimeMessage": ""{{delay}}, "next": "bye" },
                { "id": "bye", "type": "end", "message": "Bye." }
              ]
            }
            """, "grace.json");
        }
        else
        {
            catalog.Add("main", f => f
                .Enqueue("queue", new EnqueueOptions { Queue = "support", PositionMessage = string.Empty, WaitTimeMessage = string.Empty, Next = "bye" })
                .End("bye", "Bye.")).BindChannel("voice", "main");
        }

        var runner = new FlowRunner(catalog, new FlowRunnerOptions { TimeProvider = time, Host = host, StateStore = new InMemoryFlowStateStore() });
        return (time, host, runner);
    }
}
