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
        Assert.Equal("sales", callback.Queue);
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
    public async Task Enqueue_LeaveToVoicemail_SubmitsTheMessage(Medium medium)
    {
        var h = new Harness();
        var s = h.Session(medium).Choose("2").Choose("9");
        s.Text?.Type("Please call me about order 1234.");

        var result = await h.RunAsync(s.Session);

        Assert.Equal("goodbye", result.NodeId);
        var voicemail = Assert.Single(h.Host.Voicemails);
        Assert.Equal("sales", voicemail.Queue);
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
}
