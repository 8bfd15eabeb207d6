using ContactCenter.Ivr;
using ContactCenter.Ivr.Primitives.BotAnswer;
using ContactCenter.Ivr.Primitives.Enqueue;
using ContactCenter.Ivr.Primitives.Menu;
using ContactCenter.Ivr.Primitives.OfferCallback;
using ContactCenter.Ivr.Primitives.Record;
using ContactCenter.Testing;

namespace ContactCenter.Core.Tests.Flows;

/// <summary>Flows in a whole contact center: the hub starts them, they talk through the channel, enqueue, and end.</summary>
public class FlowContactCenterTests
{
    private const string Welcome = "Welcome to the shop.";
    private const string MenuPrompt = "How can we help?";
    private const string Hold = "All our agents are busy. Please stay with us.";

    private static void ShopMenu(FlowBuilder f) => f
        .Say("welcome", Welcome)
        .Menu("menu", MenuPrompt, new MenuChoice("1", "Order status", "status"), new MenuChoice("2", "Support", "support"))
        .End("noanswer", "Sorry, we did not get that. Goodbye.")
        .Say("status", "Your order is on its way.", next: "bye")
        // The estimated wait depends on the router's estimate; these tests look at the position only, and hear it
        // at once (no agent is logged in; the grace period has its own tests).
        .Enqueue("support", new EnqueueOptions { Queue = "support", WaitTimeMessage = string.Empty, HoldMessageDelay = TimeSpan.Zero, Next = "bye" })
        .End("bye", "Thank you, goodbye.");

    private static Action<IContactCenterBuilder> Shop(string channel) => cc => cc
        .AddQueue("support")
        .AddAgent("alice", ("support", 5))
        .AddWrapUpCode("resolved")
        .AddFlow("main", ShopMenu)
        .AddChannelFlow(channel, "main");

    [Fact]
    public async Task WebChat_MenuButtonSupport_EnqueuedAndAgentContinuesConversation()
    {
        var webchat = new InMemoryChannel("webchat");
        await using var host = await ContactCenterTestHost.StartAsync(Shop("webchat"), services: null, channels: [webchat]);
        var ann = host.Customer(CustomerIdentity.WebVisitor("v-1"), "webchat");

        var receipt = await ann.SayAsync("hello");
        await ann.ExpectAsync(Welcome);
        var menu = await ann.ExpectAsync(MenuPrompt);
        Assert.Equal([new ActionButton("1", "Order status"), new ActionButton("2", "Support")], menu.Content.Buttons.ToArray());
        Assert.Equal(InteractionState.InFlow, (await host.ContactCenter.GetInteractionAsync(receipt.InteractionId))!.State);

        await ann.PressAsync("2");
        await ann.ExpectAsync(Hold);
        await ann.ExpectAsync("You are number 1 in the queue.");
        Assert.Equal(InteractionState.Queued, (await host.WaitForStateAsync(receipt.InteractionId, InteractionState.Queued)).State);

        var alice = await host.LogInAgentAsync("alice");
        var accepted = await alice.AcceptNextOfferAsync();
        Assert.Equal(receipt.InteractionId, accepted.Id);
        await alice.ReplyAsync(accepted.Id, "Hi, this is Alice. What happened?");
        await ann.ExpectAsync("Hi, this is Alice. What happened?");
        await ann.SayAsync("My parcel is damaged.");
        Assert.Equal("My parcel is damaged.", await alice.ReceiveTextAsync());
        await alice.WrapUpAsync(accepted.Id, "resolved");
        await host.WaitForFlowStatusAsync(receipt.InteractionId, "completed");

        var timeline = await host.ContactCenter.GetTimelineAsync(receipt.InteractionId);
        Assert.Equal(
            [InteractionState.InFlow, InteractionState.Queued, InteractionState.Offered, InteractionState.Connected, InteractionState.WrapUp, InteractionState.Closed],
            timeline.OfType<StateChangedEvent>().Select(s => s.To).ToArray());
        var progress = timeline.OfType<FlowProgressEvent>().ToList();
        Assert.Equal(new string?[] { "welcome", "menu", "support" }, progress.Select(p => p.Node).Distinct().ToArray());
        Assert.Equal("completed", progress[^1].Variables["$flow.status"]);
    }

    [Fact]
    public async Task Voice_MenuByDtmf_EnqueuedAndAgentTakesTheCall()
    {
        var phone = new InMemoryChannel("phone", MediaType.Voice);
        await using var host = await ContactCenterTestHost.StartAsync(Shop("phone"), services: null, channels: [phone]);
        var caller = host.Customer(CustomerIdentity.Phone("+49 30 1234567"), "phone");

        var receipt = await caller.SayAsync("(call connected)");
        await caller.ExpectAsync(Welcome);
        var menu = await caller.ExpectAsync("How can we help? For Order status, press 1. For Support, press 2.");
        Assert.Empty(menu.Content.Buttons);

        await caller.PressAsync("2");
        await caller.ExpectAsync(Hold);
        await caller.ExpectAsync("You are number 1 in the queue.");

        var alice = await host.LogInAgentAsync("alice");
        var accepted = await alice.AcceptNextOfferAsync();
        Assert.Equal(receipt.InteractionId, accepted.Id);
        Assert.Equal(MediaType.Voice, accepted.Media);
        var timeline = await host.ContactCenter.GetTimelineAsync(receipt.InteractionId);
        Assert.Contains(timeline, e => e is MessageEvent { Direction: MessageDirection.Inbound, Content.Dtmf: "2" });
    }

    [Fact]
    public async Task Voice_MenuOrderStatus_AnsweredByFlowAndClosed()
    {
        var phone = new InMemoryChannel("phone", MediaType.Voice);
        await using var host = await ContactCenterTestHost.StartAsync(Shop("phone"), services: null, channels: [phone]);
        var caller = host.Customer(CustomerIdentity.Phone("+49 30 7654321"), "phone");

        var receipt = await caller.SayAsync("(call connected)");
        await caller.ExpectAsync(Welcome);
        await caller.ReceiveAsync();
        await caller.PressAsync("1");
        await caller.ExpectAsync("Your order is on its way.");
        await caller.ExpectAsync("Thank you, goodbye.");

        var closed = await host.WaitForStateAsync(receipt.InteractionId, InteractionState.Closed);
        Assert.Null(closed.Agent);
        var timeline = await host.ContactCenter.GetTimelineAsync(receipt.InteractionId);
        Assert.Equal("flow-ended", timeline.OfType<StateChangedEvent>().Last().Reason);
    }

    [Fact]
    public async Task BotAnswer_QuestionAnswered_ClosesWithoutAgent()
    {
        await using var host = await ContactCenterTestHost.StartAsync(cc => cc
            .AddQueue("support")
            .AddAgent("alice", ("support", 5))
            .AddFlow("bot", f => f
                .BotAnswer("bot", new BotAnswerOptions
                {
                    Greeting = "Hi! I am the shop bot.",
                    Rules = { new BotRule { Keywords = { "hours", "open" }, Answer = "We are open from 9 to 18." } },
                    Handoff = "agent",
                })
                .End("bye", "Goodbye!")
                .Enqueue("agent", "support", next: "bye")));
        var alice = await host.LogInAgentAsync("alice");
        var ann = host.Customer(CustomerIdentity.Email("ann@example.com"));

        var receipt = await ann.SayAsync("hello");
        await ann.ExpectAsync("Hi! I am the shop bot.");
        await ann.SayAsync("When are you open?");
        await ann.ExpectAsync("We are open from 9 to 18.");
        await ann.ExpectAsync("Can I help with anything else?");
        await ann.SayAsync("no thanks");
        await ann.ExpectAsync("Goodbye!");

        var closed = await host.WaitForStateAsync(receipt.InteractionId, InteractionState.Closed);
        Assert.Null(closed.Agent);
        Assert.Null(closed.Queue);
        var states = (await host.ContactCenter.GetTimelineAsync(receipt.InteractionId)).OfType<StateChangedEvent>().ToList();
        Assert.Equal([InteractionState.InFlow, InteractionState.Closed], states.Select(s => s.To).ToArray());
        Assert.Equal("flow-ended", states[^1].Reason);
        Assert.Equal(0, host.ContactCenter.GetStatistics().Waiting);
    }

    [Fact]
    public async Task Enqueue_LeaveQueueForCallback_CreatesLinkedCallbackInteraction()
    {
        await using var host = await ContactCenterTestHost.StartAsync(cc => cc
            .AddQueue("support")
            .AddQueue("callbacks")
            .AddFlow("main", f => f
                .Say("welcome", "Welcome.")
                .Enqueue("queue", new EnqueueOptions
                {
                    Queue = "support",
                    WaitTimeMessage = string.Empty,
                    HoldMessageDelay = TimeSpan.Zero,
                    LeaveChoices = { new MenuChoice("8", "a call back", "callback") },
                    Next = "bye",
                })
                .OfferCallback("callback", new OfferCallbackOptions { Queue = "callbacks", Declined = "bye" })
                .End("bye", "Goodbye.")));
        var ann = host.Customer(CustomerIdentity.WebVisitor("v-2"));

        var receipt = await ann.SayAsync("hi");
        await ann.ExpectAsync("Welcome.");
        await ann.ExpectAsync(Hold);
        await ann.ExpectAsync("You are number 1 in the queue.");
        var leave = await ann.ExpectAsync("You can also leave the queue.");
        Assert.Equal([new ActionButton("8", "a call back")], leave.Content.Buttons.ToArray());

        await ann.PressAsync("8");
        await ann.ExpectAsync("Would you like us to call you back?");
        Assert.Null(host.ContactCenter.GetQueuePosition(receipt.InteractionId));
        await ann.PressAsync("1");
        await ann.ExpectAsync("Please enter the phone number we should call.");
        await ann.SayAsync("+49 30 555 0100");
        await ann.ExpectAsync("Thank you. We will call you back at +49 30 555 0100.");

        var original = await host.WaitForStateAsync(receipt.InteractionId, InteractionState.Closed);
        var callbackId = Assert.Single(original.RelatedInteractions);
        var callback = (await host.ContactCenter.GetInteractionAsync(callbackId))!;
        Assert.Equal(InitiationKind.Callback, callback.Initiation);
        Assert.Equal(receipt.InteractionId, callback.PreviousInteractionId);
        Assert.Equal(InteractionState.Queued, callback.State);
        Assert.Equal(new QueueId("callbacks"), callback.Queue);
        Assert.Equal(CustomerIdentity.Phone("+4930 5550100"), callback.CustomerIdentity);
        Assert.Equal(receipt.CustomerId, callback.CustomerId);
        Assert.Contains(
            (await host.ContactCenter.GetTimelineAsync(receipt.InteractionId)).OfType<StateChangedEvent>(),
            s => s is { From: InteractionState.Queued, To: InteractionState.InFlow, Reason: "left-queue" } && s.Queue == new QueueId("support"));
        Assert.Equal("callback-scheduled", (await host.ContactCenter.GetTimelineAsync(receipt.InteractionId)).OfType<StateChangedEvent>().Last().Reason);
    }

    [Fact]
    public async Task Enqueue_AgentFree_CustomerHearsTheAgentAndNoBusyMessage()
    {
        await using var host = await ContactCenterTestHost.StartAsync(cc => cc
            .AddQueue("support")
            .AddAgent("alice", ("support", 5))
            .AddFlow("main", f => f
                .Say("welcome", Welcome)
                .Enqueue("queue", new EnqueueOptions { Queue = "support", Next = "bye" })
                .End("bye", "Goodbye.")));
        var alice = await host.LogInAgentAsync("alice");
        var ann = host.Customer(CustomerIdentity.WebVisitor("v-free"));

        var receipt = await ann.SayAsync("hi");
        await ann.ExpectAsync(Welcome);
        var accepted = await alice.AcceptNextOfferAsync();
        await alice.ReplyAsync(accepted.Id, "Hi, this is Alice.");
        await host.WaitForFlowStatusAsync(receipt.InteractionId, "completed");

        // Well past the grace period: the flow had already ended, so nothing more is said.
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await ann.ExpectAsync("Hi, this is Alice.");
        var said = (await host.ContactCenter.GetTimelineAsync(receipt.InteractionId))
            .OfType<MessageEvent>().Where(m => m.Direction == MessageDirection.Outbound).Select(m => m.Content.Text).ToArray();
        Assert.Equal(new string?[] { Welcome, "Hi, this is Alice." }, said);
    }

    [Fact]
    public async Task Enqueue_LeaveQueueForVoicemail_InteractionIsBackInItsFlowAndNotWaiting()
    {
        await using var host = await ContactCenterTestHost.StartAsync(VoicemailFromQueue());
        var ann = host.Customer(CustomerIdentity.WebVisitor("v-voicemail"));

        var receipt = await ann.SayAsync("hi");
        await ann.ExpectAsync(Hold);
        await ann.ExpectAsync("You can also leave the queue.");
        Assert.Equal(1, host.ContactCenter.GetStatistics().Waiting);
        await ann.PressAsync("9");
        await ann.ExpectAsync("Please type your message.");

        var inFlow = await host.WaitForStateAsync(receipt.InteractionId, InteractionState.InFlow);
        var left = (await host.ContactCenter.GetTimelineAsync(receipt.InteractionId)).OfType<StateChangedEvent>().Last();
        Assert.Equal((InteractionState.Queued, InteractionState.InFlow, "left-queue", (QueueId?)new QueueId("support")), (left.From, left.To, left.Reason, left.Queue));
        Assert.Null(inFlow.Agent);
        var statistics = host.ContactCenter.GetStatistics();
        Assert.Equal(0, statistics.Waiting);
        Assert.Equal(1, statistics.InFlow);
        Assert.Null(host.ContactCenter.GetQueuePosition(receipt.InteractionId));

        // An agent who logs in now is not offered it; the voicemail ends the flow.
        var alice = await host.LogInAgentAsync("alice");
        await ann.SayAsync("Please call me about order 1234.");
        await ann.ExpectAsync("Thank you, we got your message.");
        await ann.ExpectAsync("Goodbye.");
        var closed = await host.WaitForStateAsync(receipt.InteractionId, InteractionState.Closed);
        Assert.Equal("Please call me about order 1234.", closed.Attributes["voicemail.text"]);
        Assert.DoesNotContain((await host.ContactCenter.GetTimelineAsync(receipt.InteractionId)).OfType<StateChangedEvent>(), s => s.To == InteractionState.Offered);
        Assert.Equal(0, host.ContactCenter.GetStatistics().Waiting);
    }

    /// <summary>A flow that queues with a voicemail leave choice; no agent is logged in at first.</summary>
    internal static Action<IContactCenterBuilder> VoicemailFromQueue(Action<IContactCenterBuilder>? more = null) => cc =>
    {
        cc.AddQueue("support")
            .AddAgent("alice", ("support", 5))
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
        more?.Invoke(cc);
    };

    [Fact]
    public async Task Customer_LeavesDuringFlow_FlowStopsAndInteractionIsAbandoned()
    {
        await using var host = await ContactCenterTestHost.StartAsync(Shop("chat"));
        var ann = host.Customer(CustomerIdentity.WebVisitor("v-3"));

        var receipt = await ann.SayAsync("hi");
        await ann.ExpectAsync(Welcome);
        await ann.ExpectAsync(MenuPrompt);
        await ann.LeaveAsync();

        var abandoned = await host.WaitForStateAsync(receipt.InteractionId, InteractionState.Abandoned);
        Assert.Null(abandoned.Queue);

        // The flow's run ended with the customer: the host stops without waiting for it.
        await host.StopAsync();
    }

    [Fact]
    public async Task Start_BrokenFlowAndBrokenOption_OneExceptionNamesBoth()
    {
        var ex = await Assert.ThrowsAsync<ContactCenterConfigurationException>(() => ContactCenterTestHost.StartAsync(cc => cc
            .AddQueue("support")
            .Configure(o => o.MaxBatchSize = 0)
            .AddFlow("main", f => f.Menu("menu", "Pick one", new MenuChoice("1", "Sales", "nowhere")).End("bye"))
            .AddFlowJsonFile(Path.Combine(Path.GetTempPath(), "no-such-flow-" + Guid.NewGuid().ToString("N") + ".json"))));

        Assert.Contains(ex.Problems, p => p.StartsWith("ContactCenter:Flows:", StringComparison.Ordinal) && p.Contains("'nowhere'", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.StartsWith("ContactCenter:Flows:", StringComparison.Ordinal) && p.Contains("cannot read the flow file", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.Contains("ContactCenter:MaxBatchSize", StringComparison.Ordinal));
    }
}
