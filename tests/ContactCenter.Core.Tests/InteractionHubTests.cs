using ContactCenter.Channels;
using ContactCenter.Storage;
using ContactCenter.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ContactCenter.Core.Tests;

public class InteractionHubTests
{
    private static void Basic(IContactCenterBuilder cc) => cc
        .AddQueue("support")
        .AddAgent("alice", ("support", 5))
        .AddAgent("bob", ("support", 5))
        .AddWrapUpCode("resolved", resolved: true);

    [Fact]
    public async Task Conversation_CustomerToAgentAndBack_IsRecordedOnTimeline()
    {
        await using var host = await ContactCenterTestHost.StartAsync(Basic);
        var alice = await host.LogInAgentAsync("alice");
        var customer = host.Customer(CustomerIdentity.Email("ann@example.com"), displayName: "Ann");

        var receipt = await customer.SayAsync("Hello, my order is late");
        Assert.True(receipt.NewInteraction);

        var interaction = await alice.AcceptNextOfferAsync();
        Assert.Equal(InteractionState.Connected, interaction.State);
        Assert.Equal(receipt.InteractionId, interaction.Id);

        await alice.ReplyAsync(interaction.Id, "Sorry! Let me check.");
        Assert.Equal("Sorry! Let me check.", await customer.ReceiveTextAsync());

        await customer.SayAsync("Thanks");
        Assert.Equal("Thanks", await alice.ReceiveTextAsync());

        await alice.WrapUpAsync(interaction.Id, "resolved", "tracking sent");

        var stored = await host.ContactCenter.GetInteractionAsync(interaction.Id);
        Assert.Equal(InteractionState.Closed, stored!.State);
        Assert.Equal("resolved", stored.WrapUpCode);
        var timeline = await host.ContactCenter.GetTimelineAsync(interaction.Id);
        Assert.IsType<InteractionCreatedEvent>(timeline[0]);
        Assert.Equal(
            new string?[] { "Hello, my order is late", "Sorry! Let me check.", "Thanks" },
            timeline.OfType<MessageEvent>().Select(m => m.Content.Text).ToArray());
        Assert.Contains(timeline, e => e is WrapUpEvent { Code: "resolved", Notes: "tracking sent" });
        Assert.Equal(
            [InteractionState.Queued, InteractionState.Offered, InteractionState.Connected, InteractionState.WrapUp, InteractionState.Closed],
            timeline.OfType<StateChangedEvent>().Select(s => s.To).ToArray());
    }

    [Fact]
    public async Task Accept_NotOffered_IsRejected()
    {
        await using var host = await ContactCenterTestHost.StartAsync(Basic);
        var customer = host.Customer(CustomerIdentity.Phone("+1 555 0100"));
        var receipt = await customer.SayAsync("hi");
        var bob = await host.LogInAgentAsync("bob", AgentState.Break);

        var ex = await Assert.ThrowsAsync<ContactCenterException>(() => bob.Session.AcceptAsync(receipt.InteractionId));
        Assert.Contains("not offered", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Identity_SameIdentityOnTwoChannels_ResolvesToOneCustomerHistory()
    {
        var chat = new InMemoryChannel("webchat");
        var email = new InMemoryChannel("email", MediaType.Email);
        await using var host = await ContactCenterTestHost.StartAsync(Basic, services: null, channels: [chat, email]);

        var onChat = await host.Customer(CustomerIdentity.Email("Ann@Example.com"), "webchat").SayAsync("chat question");
        var onEmail = await host.Customer(CustomerIdentity.Email("ann@example.com"), "email").SayAsync("email question");

        Assert.Equal(onChat.CustomerId, onEmail.CustomerId);
        Assert.NotEqual(onChat.InteractionId, onEmail.InteractionId);
        var history = await host.ContactCenter.GetCustomerHistoryAsync(onChat.CustomerId);
        Assert.Equal(["webchat", "email"], history.Interactions.Select(i => i.Channel).ToArray());
    }

    [Fact]
    public async Task LinkIdentity_ThenOtherChannel_ThreadsIntoSameCustomer()
    {
        var chat = new InMemoryChannel("webchat");
        var telegram = new InMemoryChannel("telegram");
        await using var host = await ContactCenterTestHost.StartAsync(Basic, services: null, channels: [chat, telegram]);

        var onChat = await host.Customer(CustomerIdentity.WebVisitor("v-42"), "webchat").SayAsync("hi from the site");
        await host.ContactCenter.LinkIdentityAsync(onChat.CustomerId, CustomerIdentity.Telegram(777), actor: "alice");
        var onTelegram = await host.Customer(CustomerIdentity.Telegram(777), "telegram").SayAsync("hi from telegram");

        Assert.Equal(onChat.CustomerId, onTelegram.CustomerId);
        var history = await host.ContactCenter.GetCustomerHistoryAsync(onTelegram.CustomerId);
        Assert.Equal(2, history.Interactions.Count);
        Assert.Contains(CustomerIdentity.Telegram(777), history.Identities);
        var audit = await host.Services.GetRequiredService<IInteractionStore>().GetCustomerEventsAsync(onChat.CustomerId, default);
        Assert.Contains(audit, e => e is IdentityLinkedEvent { Actor: "alice" });
    }

    [Fact]
    public async Task MergeThenUnmerge_RestoresOriginalHistories()
    {
        await using var host = await ContactCenterTestHost.StartAsync(Basic);
        var a1 = await host.Customer(CustomerIdentity.Email("a@example.com")).SayAsync("a first");
        var a2 = await host.Customer(CustomerIdentity.Email("a@example.com")).SayAsync("a second");
        var b1 = await host.Customer(CustomerIdentity.Phone("+15550001")).SayAsync("b first");
        var cc = host.ContactCenter;
        var beforeA = (await cc.GetCustomerHistoryAsync(a1.CustomerId)).Interactions.Select(i => i.Id).ToArray();
        var beforeB = (await cc.GetCustomerHistoryAsync(b1.CustomerId)).Interactions.Select(i => i.Id).ToArray();
        Assert.Equal([a1.InteractionId, a2.InteractionId], beforeA);

        await cc.MergeCustomersAsync(a1.CustomerId, b1.CustomerId, actor: "supervisor");
        var merged = await cc.GetCustomerHistoryAsync(b1.CustomerId);
        Assert.Equal(a1.CustomerId, merged.Customer.Id);
        Assert.Equal(3, merged.Interactions.Count);
        Assert.Equal(a1.CustomerId, await cc.FindCustomerAsync(CustomerIdentity.Phone("+15550001")));
        Assert.Contains(CustomerIdentity.Phone("+15550001"), merged.Identities);

        await cc.UnmergeCustomerAsync(b1.CustomerId, actor: "supervisor");
        Assert.Equal(beforeA, (await cc.GetCustomerHistoryAsync(a1.CustomerId)).Interactions.Select(i => i.Id).ToArray());
        Assert.Equal(beforeB, (await cc.GetCustomerHistoryAsync(b1.CustomerId)).Interactions.Select(i => i.Id).ToArray());
        Assert.Equal(b1.CustomerId, await cc.FindCustomerAsync(CustomerIdentity.Phone("+15550001")));

        var audit = await host.Services.GetRequiredService<IInteractionStore>().GetCustomerEventsAsync(a1.CustomerId, default);
        Assert.Contains(audit, e => e is CustomersMergedEvent m && m.Absorbed == b1.CustomerId);
        Assert.Contains(audit, e => e is CustomerUnmergedEvent u && u.Absorbed == b1.CustomerId);
    }

    [Fact]
    public async Task Merge_Cycle_IsRefused()
    {
        await using var host = await ContactCenterTestHost.StartAsync(Basic);
        var a = await host.Customer(CustomerIdentity.Email("a@example.com")).SayAsync("a");
        var b = await host.Customer(CustomerIdentity.Email("b@example.com")).SayAsync("b");
        await host.ContactCenter.MergeCustomersAsync(a.CustomerId, b.CustomerId);
        await Assert.ThrowsAsync<ContactCenterException>(() => host.ContactCenter.MergeCustomersAsync(b.CustomerId, a.CustomerId));
    }

    [Fact]
    public async Task Accept_StoreFails_ConnectorSeesFailureAndNothingIsWritten()
    {
        var store = new FailingStore { FailCommits = true };
        await using var host = await ContactCenterTestHost.StartAsync(cc =>
        {
            Basic(cc);
            cc.Services.Replace(ServiceDescriptor.Singleton<IInteractionStore>(store));
        });
        var customer = host.Customer(CustomerIdentity.Email("c@example.com"));

        await Assert.ThrowsAsync<InteractionStoreException>(() => customer.SayAsync("will fail", checkpoint: "uid:7"));

        Assert.Null(await store.FindCustomerAsync(customer.Identity, default));
        Assert.Empty(await store.GetActiveInteractionsAsync(default));
        Assert.Null(await store.GetCheckpointAsync("chat", default));

        store.FailCommits = false;
        var retry = await customer.SayAsync("works now", checkpoint: "uid:7");
        Assert.True(retry.NewInteraction);
        var timeline = await store.GetTimelineAsync(retry.InteractionId, default);
        Assert.Single(timeline.OfType<MessageEvent>());
        Assert.Equal("uid:7", await store.GetCheckpointAsync("chat", default));
    }

    [Fact]
    public async Task Accept_CommitNotFinished_IsNotAcknowledged()
    {
        var store = new FailingStore();
        await using var host = await ContactCenterTestHost.StartAsync(cc =>
        {
            Basic(cc);
            cc.Services.Replace(ServiceDescriptor.Singleton<IInteractionStore>(store));
        });
        store.CommitGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var pending = host.Customer(CustomerIdentity.Email("d@example.com")).SayAsync("hold on");

        await Task.Yield();
        Assert.False(pending.IsCompleted);
        Assert.Equal(0, store.Commits);

        store.CommitGate.SetResult();
        var receipt = await pending;
        Assert.Equal(1, store.Commits);
        Assert.NotNull(await store.GetInteractionAsync(receipt.InteractionId, default));
    }

    [Fact]
    public async Task Accept_SameExternalIdTwice_StoresOnce()
    {
        await using var host = await ContactCenterTestHost.StartAsync(Basic);
        var message = new InboundMessage
        {
            Channel = "chat",
            Media = MediaType.Chat,
            ConversationKey = "k1",
            From = CustomerIdentity.Email("e@example.com"),
            ExternalId = "msg-1",
            Content = MessageContent.FromText("once"),
        };
        var first = await host.Channel.ReceiveAsync(message);
        var second = await host.Channel.ReceiveAsync(message);

        Assert.False(first.Duplicate);
        Assert.True(second.Duplicate);
        var timeline = await host.ContactCenter.GetTimelineAsync(first.InteractionId);
        Assert.Single(timeline.OfType<MessageEvent>());
    }

    [Fact]
    public async Task Accept_MissingConversationKey_FailsNamingTheField()
    {
        await using var host = await ContactCenterTestHost.StartAsync(Basic);
        var ex = await Assert.ThrowsAsync<ArgumentException>(async () => await host.Channel.ReceiveAsync(new InboundMessage
        {
            Channel = "chat",
            Media = MediaType.Chat,
            ConversationKey = "",
            From = CustomerIdentity.Email("f@example.com"),
        }));
        Assert.Contains("ConversationKey", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Offer_NotAcceptedInTime_GoesToAnotherAgent()
    {
        await using var host = await ContactCenterTestHost.StartAsync(cc => cc
            .AddQueue("support", q => q with { OfferTimeout = TimeSpan.FromSeconds(15) })
            .AddAgent("alice", ("support", 5))
            .AddAgent("bob", ("support", 5)));
        var alice = await host.LogInAgentAsync("alice");
        var receipt = await host.Customer(CustomerIdentity.Email("g@example.com")).SayAsync("anyone?");
        var offer = await alice.WaitForAsync<OfferNotification>();
        Assert.Equal(receipt.InteractionId, offer.InteractionId);

        var bob = await host.LogInAgentAsync("bob");
        host.Clock.Advance(TimeSpan.FromSeconds(16));

        var revoked = await alice.WaitForAsync<OfferRevokedNotification>();
        Assert.Equal(OfferRevokedReason.TimedOut, revoked.Reason);
        var taken = await bob.AcceptNextOfferAsync();
        Assert.Equal(receipt.InteractionId, taken.Id);
        await Assert.ThrowsAsync<ContactCenterException>(() => alice.Session.AcceptAsync(receipt.InteractionId));
    }

    [Fact]
    public async Task CustomerLeaves_WhileQueued_IsAbandoned()
    {
        await using var host = await ContactCenterTestHost.StartAsync(Basic);
        var customer = host.Customer(CustomerIdentity.Email("h@example.com"));
        var receipt = await customer.SayAsync("hello?");
        await customer.LeaveAsync();

        var interaction = await host.ContactCenter.GetInteractionAsync(receipt.InteractionId);
        Assert.Equal(InteractionState.Abandoned, interaction!.State);
        Assert.Equal(1, host.ContactCenter.GetStatistics().Abandoned);
    }

    [Fact]
    public async Task Reply_ChannelFailsOnce_IsRetriedAndRecorded()
    {
        await using var host = await ContactCenterTestHost.StartAsync(Basic);
        var alice = await host.LogInAgentAsync("alice");
        var customer = host.Customer(CustomerIdentity.Email("i@example.com"));
        await customer.SayAsync("hi");
        var interaction = await alice.AcceptNextOfferAsync();
        var events = host.ContactCenter.SubscribeAsync().GetAsyncEnumerator();

        host.Channel.FailNextSends(1);
        var reply = await alice.ReplyAsync(interaction.Id, "retry me");
        var received = customer.ReceiveTextAsync();
        while (!received.IsCompleted)
        {
            host.Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(received, Task.Delay(10, TestContext.Current.CancellationToken));
        }

        Assert.Equal("retry me", await received);
        DeliveryEvent? delivery = null;
        while (delivery is null && await events.MoveNextAsync())
        {
            delivery = events.Current as DeliveryEvent;
        }

        Assert.Equal(reply.Id, delivery!.MessageId);
        Assert.True(delivery.Delivered);
        Assert.Equal(2, delivery.Attempts);
        await events.DisposeAsync();
    }

    [Fact]
    public async Task TransferToQueue_GoesToAgentOfThatQueue()
    {
        await using var host = await ContactCenterTestHost.StartAsync(cc => cc
            .AddQueue("sales", q => q with { RequiredSkills = q.RequiredSkills.Add("sales", 1) })
            .AddQueue("billing", q => q with { RequiredSkills = q.RequiredSkills.Add("billing", 1) })
            .AddAgent("alice", ("sales", 5))
            .AddAgent("bob", ("billing", 5)));
        var alice = await host.LogInAgentAsync("alice");
        var bob = await host.LogInAgentAsync("bob");
        await host.Customer(CustomerIdentity.Email("j@example.com")).SayAsync("invoice question");
        var interaction = await alice.AcceptNextOfferAsync();

        await alice.Session.TransferToQueueAsync(interaction.Id, new QueueId("billing"));
        var taken = await bob.AcceptNextOfferAsync();

        Assert.Equal(interaction.Id, taken.Id);
        Assert.Equal(new QueueId("billing"), taken.Queue);
    }

    [Fact]
    public async Task WrapUp_UnknownCode_IsRejected()
    {
        await using var host = await ContactCenterTestHost.StartAsync(Basic);
        var alice = await host.LogInAgentAsync("alice");
        await host.Customer(CustomerIdentity.Email("k@example.com")).SayAsync("hi");
        var interaction = await alice.AcceptNextOfferAsync();
        var ex = await Assert.ThrowsAsync<ContactCenterException>(() => alice.WrapUpAsync(interaction.Id, "nope"));
        Assert.Contains("WrapUpCodes", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cases_LinkManyToMany_AreOnInteractions()
    {
        await using var host = await ContactCenterTestHost.StartAsync(Basic);
        var one = await host.Customer(CustomerIdentity.Email("l@example.com")).SayAsync("one");
        var two = await host.Customer(CustomerIdentity.Email("m@example.com")).SayAsync("two");
        var cc = host.ContactCenter;
        await cc.LinkCaseAsync(one.InteractionId, new CaseId("CASE-1"));
        await cc.LinkCaseAsync(one.InteractionId, new CaseId("CASE-2"));
        await cc.LinkCaseAsync(two.InteractionId, new CaseId("CASE-1"));
        await cc.UnlinkCaseAsync(one.InteractionId, new CaseId("CASE-2"));

        Assert.Equal([new CaseId("CASE-1")], (await cc.GetInteractionAsync(one.InteractionId))!.Cases.ToArray());
        Assert.Equal([new CaseId("CASE-1")], (await cc.GetInteractionAsync(two.InteractionId))!.Cases.ToArray());
        Assert.Equal(3, (await cc.GetTimelineAsync(one.InteractionId)).OfType<CaseLinkEvent>().Count());
    }

    [Fact]
    public async Task ConcurrentCustomers_AllMessagesStored()
    {
        await using var host = await ContactCenterTestHost.StartAsync(Basic);
        var tasks = Enumerable.Range(0, 50).Select(async n =>
        {
            var c = host.Customer(CustomerIdentity.Email($"p{n}@example.com"));
            for (var i = 0; i < 10; i++)
            {
                await c.SayAsync($"m{i}");
            }

            return c.LastReceipt.InteractionId;
        }).ToArray();
        var ids = await Task.WhenAll(tasks);

        Assert.Equal(50, ids.Distinct().Count());
        foreach (var id in ids)
        {
            var texts = (await host.ContactCenter.GetTimelineAsync(id)).OfType<MessageEvent>().Select(m => m.Content.Text).ToArray();
            Assert.Equal(Enumerable.Range(0, 10).Select(i => (string?)$"m{i}").ToArray(), texts);
        }

        Assert.Equal(500, host.ContactCenter.GetStatistics().MessagesIn);
    }
}

public class StartInteractionTests
{
    [Fact]
    public async Task StartInteraction_Callback_IsLinkedQueuedAndOfferedToPreferredAgent()
    {
        await using var host = await ContactCenterTestHost.StartAsync(cc => cc
            .AddQueue("support")
            .AddQueue("callbacks")
            .AddAgent("alice")
            .AddAgent("bob"));
        var chat = await host.Customer(CustomerIdentity.Phone("+15550100")).SayAsync("please call me back");
        var bob = await host.LogInAgentAsync("bob");

        var callback = await host.ContactCenter.StartInteractionAsync(new NewInteraction
        {
            Channel = "chat",
            Media = MediaType.Task,
            Customer = CustomerIdentity.Phone("+1 (555) 0100"),
            Initiation = InitiationKind.Callback,
            PreviousInteraction = chat.InteractionId,
            Queue = new QueueId("callbacks"),
            PreferredAgent = new AgentId("bob"),
        });

        Assert.Equal(InitiationKind.Callback, callback.Initiation);
        Assert.Equal(chat.CustomerId, callback.CustomerId);
        Assert.Equal(chat.InteractionId, callback.PreviousInteractionId);
        var previous = await host.ContactCenter.GetInteractionAsync(chat.InteractionId);
        Assert.Contains(callback.Id, previous!.RelatedInteractions);
        var offered = await bob.WaitForAsync<OfferNotification>();
        Assert.Contains(offered.InteractionId, new[] { callback.Id, chat.InteractionId });
    }

    [Fact]
    public async Task LinkInteractions_BothWays_AreRelated()
    {
        await using var host = await ContactCenterTestHost.StartAsync(cc => cc.AddQueue("support"));
        var a = await host.Customer(CustomerIdentity.Email("a@example.com")).SayAsync("a");
        var b = await host.Customer(CustomerIdentity.Email("b@example.com")).SayAsync("b");
        await host.ContactCenter.LinkInteractionsAsync(a.InteractionId, b.InteractionId);
        Assert.Contains(b.InteractionId, (await host.ContactCenter.GetInteractionAsync(a.InteractionId))!.RelatedInteractions);
        Assert.Contains(a.InteractionId, (await host.ContactCenter.GetInteractionAsync(b.InteractionId))!.RelatedInteractions);
    }

    [Fact]
    public async Task SetState_BreakWithReason_IsKeptOnSession()
    {
        await using var host = await ContactCenterTestHost.StartAsync(cc => cc.AddQueue("support").AddAgent("alice"));
        var alice = await host.LogInAgentAsync("alice");
        await alice.Session.SetStateAsync(AgentState.Break, "lunch");
        Assert.Equal(AgentState.Break, alice.Session.State);
        Assert.Equal("lunch", alice.Session.StateReason);
        Assert.Equal(0, host.ContactCenter.GetStatistics().AgentsAvailable);
        Assert.Equal(1, host.ContactCenter.GetStatistics().AgentsLoggedIn);
    }
}

public class AgentCloseTests
{
    [Fact]
    public async Task Close_NoWrapUpCodesConfigured_ClosesAndFreesCapacity()
    {
        await using var host = await ContactCenterTestHost.StartAsync(cc => cc
            .AddQueue("support")
            .AddAgent("alice", a => a.WithCapacity(chat: 1)));
        var alice = await host.LogInAgentAsync("alice");
        await host.Customer(CustomerIdentity.Email("q1@example.com")).SayAsync("one");
        var second = await host.Customer(CustomerIdentity.Email("q2@example.com")).SayAsync("two");
        var first = await alice.AcceptNextOfferAsync();

        await alice.Session.CloseAsync(first.Id);

        Assert.Equal(InteractionState.Closed, (await host.ContactCenter.GetInteractionAsync(first.Id))!.State);
        Assert.Equal(second.InteractionId, (await alice.AcceptNextOfferAsync()).Id);
    }

    [Fact]
    public async Task Close_WrapUpCodesConfigured_AsksForACode()
    {
        await using var host = await ContactCenterTestHost.StartAsync(cc => cc.AddQueue("support").AddAgent("alice").AddWrapUpCode("resolved"));
        var alice = await host.LogInAgentAsync("alice");
        await host.Customer(CustomerIdentity.Email("q3@example.com")).SayAsync("one");
        var first = await alice.AcceptNextOfferAsync();

        var ex = await Assert.ThrowsAsync<ContactCenterException>(() => alice.Session.CloseAsync(first.Id));
        Assert.Contains("WrapUpAsync", ex.Message, StringComparison.Ordinal);
    }
}

public class SubscriptionTests
{
    [Fact]
    public async Task Subscribe_EnumeratorDisposedBeforeFirstMove_Unsubscribes()
    {
        await using var host = await ContactCenterTestHost.StartAsync(cc => cc.AddQueue("support"));
        var hub = Assert.IsType<Hub.InteractionHub>(host.ContactCenter);
        var before = hub.SubscriberCount;

        var events = host.ContactCenter.SubscribeAsync().GetAsyncEnumerator();
        Assert.Equal(before + 1, hub.SubscriberCount);
        await events.DisposeAsync();

        Assert.Equal(before, hub.SubscriberCount);
    }

    [Fact]
    public async Task Subscribe_BeforeCommit_SeesTheEvent()
    {
        await using var host = await ContactCenterTestHost.StartAsync(cc => cc.AddQueue("support"));
        var events = host.ContactCenter.SubscribeAsync().GetAsyncEnumerator();
        var receipt = await host.Customer(CustomerIdentity.Email("sub@example.com")).SayAsync("hi");

        Assert.True(await events.MoveNextAsync());
        Assert.Equal(receipt.InteractionId, events.Current.InteractionId);
        await events.DisposeAsync();
    }
}
