using ContactCenter.Ivr.Services;

namespace ContactCenter.Ivr.Tests;

public sealed class BotAnswerTests
{
    [Theory]
    [InlineData(Medium.Voice)]
    [InlineData(Medium.ChatButtons)]
    [InlineData(Medium.ChatText)]
    public async Task Bot_AnswersByKeywordAndRegex_AndEndsOnGoodbye(Medium medium)
    {
        var h = new Harness();
        var s = h.Session(medium).Choose("3").Say("How long does delivery take?").Say("When are you open?").Say("Thanks!");

        var result = await h.RunAsync(s.Session);

        Assert.Contains("Delivery takes 2-3 days.", s.Said);
        Assert.Contains("We are open Monday to Friday, 9 to 18.", s.Said);
        Assert.Equal("goodbye", result.NodeId);
        Assert.Empty(h.Host.Tickets);
    }

    [Theory]
    [InlineData(Medium.Voice)]
    [InlineData(Medium.ChatButtons)]
    [InlineData(Medium.ChatText)]
    public async Task Bot_CustomerAsksForAPerson_HandsOffToTheQueue(Medium medium)
    {
        var h = new Harness();
        h.Host.ConnectAfter = TimeSpan.FromSeconds(10);
        var s = h.Session(medium).Choose("3").Say("refund?").Say("I want to talk to a human").Silence();

        var result = await h.RunAsync(s.Session);

        Assert.Contains("You can return items within 30 days.", s.Said);
        Assert.Contains("Let me connect you with a colleague.", s.Said);
        Assert.Equal(FlowOutcome.Enqueued, result.Outcome);
        var ticket = Assert.Single(h.Host.Tickets);
        Assert.Equal(new QueueId("sales"), ticket.Request.Queue);
        Assert.Equal("I want to talk to a human", ticket.Request.Variables["bot.question"]);
    }

    [Fact]
    public async Task Bot_NothingMatchesTwice_HandsOff()
    {
        var h = new Harness();
        h.Host.ConnectAfter = TimeSpan.FromSeconds(1);
        var s = h.Chat().Tap("3").Type("qwerty").Type("asdf").Silence();

        var result = await h.RunAsync(s);

        Assert.Single(s.Output, o => o.Text == "Sorry, I did not understand. Could you rephrase?");
        Assert.Contains("text: Let me connect you with a colleague.", s.Transcript);
        Assert.Equal(FlowOutcome.Enqueued, result.Outcome);
    }

    [Fact]
    public async Task Bot_IntentRecognizer_SelectsRulesAndHandsOff()
    {
        var recognizer = new KeywordRecognizer();
        var h = new Harness(recognizer: recognizer);
        var s = h.Chat().Tap("3").Type("where is my parcel").Type("1234");

        var result = await h.RunAsync(s);

        Assert.Contains("text: Let me check your order.", s.Transcript);
        Assert.Equal("shipped", result.Variables["order.status"]);

        var h2 = new Harness(recognizer: recognizer);
        var s2 = h2.Chat().Tap("3").Type("can somebody call me").HangUp();
        await h2.RunAsync(s2);
        Assert.Single(h2.Host.Tickets);
    }

    private sealed class KeywordRecognizer : IIntentRecognizer
    {
        public ValueTask<IntentResult> RecognizeAsync(string text, InteractionId interactionId, IReadOnlyDictionary<string, string> variables, CancellationToken cancellationToken) =>
            ValueTask.FromResult(
                text.Contains("parcel", StringComparison.OrdinalIgnoreCase) ? new IntentResult("order-status", 0.9)
                : text.Contains("somebody", StringComparison.OrdinalIgnoreCase) ? new IntentResult(IntentResult.HandoffIntent, 0.8)
                : IntentResult.None);
    }
}
