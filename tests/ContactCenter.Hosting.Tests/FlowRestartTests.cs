using ContactCenter.Ivr;
using ContactCenter.Ivr.Primitives.Collect;
using ContactCenter.Ivr.Primitives.Enqueue;
using ContactCenter.Ivr.Primitives.Menu;
using ContactCenter.Ivr.Primitives.Record;
using ContactCenter.Testing;

namespace ContactCenter.Hosting.Tests;

public sealed class FlowRestartTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cc-flow-restart-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Restart_MidFlowOnSqlite_ResumesAtTheMenuWithItsVariables()
    {
        var path = Path.Combine(_folder, "cc.db");
        void Compose(IContactCenterBuilder cc) => cc
            .AddQueue("support")
            .UseSqliteStorage(path)
            .AddFlow("main", f => f
                .CollectInput("name", new CollectInputOptions { Prompt = "What is your name?", Variable = "name", Default = "bye" })
                .Menu("menu", "Thanks {name}. Sales or support?", new MenuChoice("1", "Sales", "sales"), new MenuChoice("2", "Support", "support"))
                .End("noanswer", "Goodbye.")
                .Say("sales", "{name}, sales is closed today.", next: "bye")
                .Enqueue("support", "support", next: "bye")
                .End("bye", "Bye {name}."));

        var host = await ContactCenterTestHost.StartAsync(Compose);
        var ann = host.Customer(CustomerIdentity.WebVisitor("v-restart"));
        var receipt = await ann.SayAsync("hi");
        Assert.Equal("What is your name?", await ann.ReceiveTextAsync());
        await ann.SayAsync("Ann");
        Assert.Equal("Thanks Ann. Sales or support?", await ann.ReceiveTextAsync());

        host = await host.RestartAsync();
        await using (host)
        {
            // The hub finds the interaction still in its flow; the flow re-enters the menu with name = Ann.
            var again = await ann.ReceiveAsync();
            Assert.Equal("Thanks Ann. Sales or support?", again.Content.Text);
            Assert.Equal(2, again.Content.Buttons.Length);

            await ann.PressAsync("1");
            Assert.Equal("Ann, sales is closed today.", await ann.ReceiveTextAsync());
            Assert.Equal("Bye Ann.", await ann.ReceiveTextAsync());

            await host.WaitForStateAsync(receipt.InteractionId, InteractionState.Closed);
            var timeline = await host.ContactCenter.GetTimelineAsync(receipt.InteractionId);
            var progress = timeline.OfType<FlowProgressEvent>().ToList();
            var nodes = progress.Select(p => p.Node).ToList();
            Assert.Equal(new string?[] { "name", "menu", "menu", "sales", "bye", "bye" }, nodes.ToArray());
            Assert.All(progress.Skip(1), p => Assert.Equal("Ann", p.Variables["name"]));
            Assert.Equal("flow-ended", timeline.OfType<StateChangedEvent>().Last().Reason);
        }
    }

    [Fact]
    public async Task Restart_WhileWaitingInQueue_FlowWaitsOnWithTheInteraction()
    {
        var path = Path.Combine(_folder, "queued.db");
        void Compose(IContactCenterBuilder cc) => cc
            .AddQueue("support")
            .AddAgent("alice")
            .UseSqliteStorage(path)
            .AddFlow("main", f => f
                .Enqueue("support", new EnqueueOptions { Queue = "support", WaitTimeMessage = string.Empty, HoldMessageDelay = TimeSpan.Zero, Next = "bye" })
                .End("bye", "Bye."));

        var host = await ContactCenterTestHost.StartAsync(Compose);
        var ann = host.Customer(CustomerIdentity.WebVisitor("v-queued"));
        var receipt = await ann.SayAsync("hi");
        Assert.Equal("All our agents are busy. Please stay with us.", await ann.ReceiveTextAsync());
        Assert.Equal("You are number 1 in the queue.", await ann.ReceiveTextAsync());

        host = await host.RestartAsync();
        await using (host)
        {
            // The flow is back with its interaction: it announces the position again, and the interaction kept its place.
            Assert.Equal("All our agents are busy. Please stay with us.", await ann.ReceiveTextAsync());
            Assert.Equal("You are number 1 in the queue.", await ann.ReceiveTextAsync());
            Assert.Equal(1, host.ContactCenter.GetQueuePosition(receipt.InteractionId)?.Position);

            var alice = await host.LogInAgentAsync("alice");
            var taken = await alice.AcceptNextOfferAsync();
            Assert.Equal(receipt.InteractionId, taken.Id);
            await host.WaitForEventAsync(receipt.InteractionId, e => e is FlowProgressEvent p && p.Variables.TryGetValue("$flow.status", out var s) && s == "completed", "flow completed");
        }
    }

    [Fact]
    public async Task Restart_AfterLeavingTheQueueForVoicemail_ResumesTheFlowAndNoAgentIsOffered()
    {
        var path = Path.Combine(_folder, "voicemail.db");
        void Compose(IContactCenterBuilder cc) => cc
            .AddQueue("support")
            .AddAgent("alice")
            .UseSqliteStorage(path)
            .AddFlow("main", f => f
                .Enqueue("queue", new EnqueueOptions
                {
                    Queue = "support",
                    HoldMessageDelay = TimeSpan.Zero,
                    PositionMessage = string.Empty,
                    WaitTimeMessage = string.Empty,
                    LeaveChoices = { new MenuChoice("9", "voicemail", "voicemail") },
                    Next = "bye",
                })
                .Record("voicemail", new RecordOptions { Queue = "support", Next = "bye" })
                .End("bye", "Goodbye."));

        var host = await ContactCenterTestHost.StartAsync(Compose);
        var ann = host.Customer(CustomerIdentity.WebVisitor("v-voicemail-restart"));
        var receipt = await ann.SayAsync("hi");
        Assert.Equal("All our agents are busy. Please stay with us.", await ann.ReceiveTextAsync());
        Assert.Equal("You can also leave the queue.", await ann.ReceiveTextAsync());
        await ann.PressAsync("9");
        Assert.Equal("Please type your message.", await ann.ReceiveTextAsync());
        await host.WaitForStateAsync(receipt.InteractionId, InteractionState.InFlow);

        host = await host.RestartAsync();
        await using (host)
        {
            // The store says InFlow: the hub resumes the flow at the voicemail and does not queue the interaction.
            Assert.Equal("Please type your message.", await ann.ReceiveTextAsync());
            Assert.Equal(InteractionState.InFlow, (await host.ContactCenter.GetInteractionAsync(receipt.InteractionId))!.State);
            Assert.Null(host.ContactCenter.GetQueuePosition(receipt.InteractionId));
            Assert.Equal(0, host.ContactCenter.GetStatistics().Waiting);

            await host.LogInAgentAsync("alice");
            await ann.SayAsync("Please call me back.");
            Assert.Equal("Thank you, we got your message.", await ann.ReceiveTextAsync());
            Assert.Equal("Goodbye.", await ann.ReceiveTextAsync());

            var closed = await host.WaitForStateAsync(receipt.InteractionId, InteractionState.Closed);
            Assert.Null(closed.Agent);
            var states = (await host.ContactCenter.GetTimelineAsync(receipt.InteractionId)).OfType<StateChangedEvent>().ToList();
            Assert.Equal([InteractionState.InFlow, InteractionState.Queued, InteractionState.InFlow, InteractionState.Closed], states.Select(s => s.To).ToArray());
            Assert.Equal("left-queue", states[2].Reason);
        }
    }
}
