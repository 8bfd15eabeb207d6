using Xunit;
using System.Collections.Immutable;

namespace ContactCenter.Storage.TestKit;

// Append and read timelines; every TimelineEvent subtype round-trips its values.
public abstract partial class InteractionStoreConformanceTests
{
    /// <summary><c>InitializeAsync</c>, called twice: is harmless.</summary>
    [Fact]
    public async Task InitializeAsync_CalledTwice_IsHarmless()
    {
        var store = await NewStoreAsync();
        var contact = await SeedContactAsync(store);

        await store.InitializeAsync(Ct);

        Assert.NotNull(await store.GetInteractionAsync(contact.Interaction.Id, Ct));
    }

    /// <summary><c>GetTimelineAsync</c>, events appended over several commits: returns them in append order.</summary>
    [Fact]
    public async Task GetTimelineAsync_EventsAppendedOverSeveralCommits_ReturnsThemInAppendOrder()
    {
        var store = await NewStoreAsync();
        var contact = await SeedContactAsync(store);
        var interaction = contact.Interaction.Id;

        // Ids and timestamps that run backwards prove the order is the append order, not id or time order.
        SystemEvent Backwards(int minutes, string text) => new()
        {
            Id = TimelineEventId.New(T0.AddHours(10).AddMinutes(-minutes)),
            InteractionId = interaction,
            Timestamp = T0.AddHours(10).AddMinutes(-minutes),
            Kind = "note",
            Text = text,
        };

        var first = Backwards(1, "first");
        var second = Backwards(2, "second");
        var third = Backwards(3, "third");
        await CommitAsync(store, c => c.Events.Add(first));
        await CommitAsync(store, c => c.Events.AddRange([second, third]));

        var timeline = await store.GetTimelineAsync(interaction, Ct);

        Assert.Equal(4, timeline.Count);
        Assert.IsType<InteractionCreatedEvent>(timeline[0]);
        Assert.Equal([first.Id, second.Id, third.Id], timeline.Skip(1).Select(e => e.Id));
    }

    /// <summary><c>GetTimelineAsync</c>, every event type: round trips every value.</summary>
    [Fact]
    public async Task GetTimelineAsync_EveryEventType_RoundTripsEveryValue()
    {
        var store = await NewStoreAsync();
        var contact = await SeedContactAsync(store, CustomerIdentity.Email("Ann@Example.org"), "email:support", "<thread-1@example.org>");
        var id = contact.Interaction.Id;
        var message = new MessageEvent
        {
            Id = TimelineEventId.New(Now()),
            InteractionId = id,
            Timestamp = Now(),
            Direction = MessageDirection.Outbound,
            Agent = new AgentId("anna"),
            ExternalId = "<reply-1@example.org>",
            Content = new MessageContent
            {
                Text = "Hello 👋 — «ответ»\nline two",
                Html = "<p>Hello <b>there</b></p>",
                Dtmf = "12#*",
                Attachments = [new AttachmentReference("invoice.pdf", "application/pdf", 123_456_789_012, new Uri("blob://attachments/2026/03/invoice.pdf"))],
                Buttons = [new ActionButton("yes", "Yes"), new ActionButton("no", "No, thanks")],
            },
        };
        TimelineEvent[] events =
        [
            new InteractionCreatedEvent
            {
                Id = TimelineEventId.New(Now()), InteractionId = id, Timestamp = Now(), Channel = "email:support",
                Media = MediaType.Email, CustomerId = contact.Customer.Id, CustomerIdentity = contact.Identity,
                ConversationKey = "<thread-1@example.org>", Initiation = InitiationKind.Callback,
                PreviousInteractionId = InteractionId.New(T0),
            },
            message,
            new StateChangedEvent
            {
                Id = TimelineEventId.New(Now()), InteractionId = id, Timestamp = Now(), From = InteractionState.Offered,
                To = InteractionState.Queued, Reason = "offer-timeout", Queue = new QueueId("sales"), Agent = new AgentId("bob"),
            },
            new CaseLinkEvent { Id = TimelineEventId.New(Now()), InteractionId = id, Timestamp = Now(), Case = new CaseId("INC-42"), Linked = false },
            new WrapUpEvent { Id = TimelineEventId.New(Now()), InteractionId = id, Timestamp = Now(), Agent = new AgentId("anna"), Code = "resolved", Notes = "Refund sent." },
            new FlowProgressEvent
            {
                Id = TimelineEventId.New(Now()), InteractionId = id, Timestamp = Now(), Flow = "main-menu", Node = "collect-account",
                Variables = ImmutableDictionary<string, string>.Empty.Add("account", "0042").Add("lang", "ru"),
            },
            new AttributeSetEvent { Id = TimelineEventId.New(Now()), InteractionId = id, Timestamp = Now(), Key = "subject", Value = null },
            new DeliveryEvent
            {
                Id = TimelineEventId.New(Now()), InteractionId = id, Timestamp = Now(), MessageId = message.Id, Delivered = false,
                ExternalId = "smtp-1", Error = "550 mailbox unavailable", Attempts = 3,
            },
            new RoutingDecisionEvent
            {
                Id = TimelineEventId.New(Now()), InteractionId = id, Timestamp = Now(), Agent = new AgentId("bob"),
                Decision = new RoutingDecision
                {
                    Rule = RoutingDecisionRule.BestInteractionForAgent, Strategy = "least-occupied", Queue = new QueueId("sales"),
                    Candidates = 3, Score = -1.17201E+10, RunnerUpScore = null, EscalationStep = 2, RingAll = true,
                },
            },
            new RoutingDecisionEvent
            {
                Id = TimelineEventId.New(Now()), InteractionId = id, Timestamp = Now(), Agent = new AgentId("anna"),
                Decision = new RoutingDecision { Rule = RoutingDecisionRule.PreferredAgent, Candidates = 1, Score = 30.5, RunnerUpScore = 12.25 },
            },
            new SystemEvent { Id = TimelineEventId.New(Now()), InteractionId = id, Timestamp = Now().ToOffset(TimeSpan.FromHours(-5)), Kind = "recovered", Text = null },
        ];
        await CommitAsync(store, c => c.Events.AddRange(events));

        var timeline = await store.GetTimelineAsync(id, Ct);

        AssertDeepEqual(events, timeline.Skip(1).ToArray());
        var read = Assert.IsType<MessageEvent>(timeline[2]);
        Assert.Equal("Hello 👋 — «ответ»\nline two", read.Content.Text);
        Assert.Equal(123_456_789_012, Assert.Single(read.Content.Attachments).Length);
        Assert.Equal(["yes", "no"], read.Content.Buttons.Select(b => b.Id));
        Assert.Equal(TimeSpan.FromHours(-5), timeline[^1].Timestamp.Offset);
        var routed = timeline.OfType<RoutingDecisionEvent>().ToArray();
        Assert.Equal([new AgentId("bob"), new AgentId("anna")], routed.Select(e => e.Agent));
        Assert.Equal(((RoutingDecisionEvent)events[^3]).Decision, routed[0].Decision);
        Assert.Equal(((RoutingDecisionEvent)events[^2]).Decision, routed[1].Decision);
        Assert.Equal(T0.Offset, timeline[0].Timestamp.Offset);
    }

    /// <summary><c>GetTimelineAsync</c>, unknown interaction: returns empty.</summary>
    [Fact]
    public async Task GetTimelineAsync_UnknownInteraction_ReturnsEmpty()
    {
        var store = await NewStoreAsync();

        Assert.Empty(await store.GetTimelineAsync(InteractionId.New(T0), Ct));
    }

    /// <summary><c>GetTimelineAsync</c>, two interactions: keeps timelines apart.</summary>
    [Fact]
    public async Task GetTimelineAsync_TwoInteractions_KeepsTimelinesApart()
    {
        var store = await NewStoreAsync();
        var a = await SeedContactAsync(store);
        var b = await SeedContactAsync(store);
        var toA = Message(a.Interaction, "for a");
        var toB = Message(b.Interaction, "for b");

        await CommitAsync(store, c => c.Events.AddRange([toA, toB]));

        Assert.Equal(toA.Id, (await store.GetTimelineAsync(a.Interaction.Id, Ct))[^1].Id);
        Assert.Equal(toB.Id, (await store.GetTimelineAsync(b.Interaction.Id, Ct))[^1].Id);
        Assert.Equal(2, (await store.GetTimelineAsync(a.Interaction.Id, Ct)).Count);
    }

    /// <summary><c>GetTimelineAsync</c>, result changed by caller: store unchanged.</summary>
    [Fact]
    public async Task GetTimelineAsync_ResultChangedByCaller_StoreUnchanged()
    {
        var store = await NewStoreAsync();
        var contact = await SeedContactAsync(store);
        var timeline = await store.GetTimelineAsync(contact.Interaction.Id, Ct);
        var original = timeline[0];

        if (timeline is IList<TimelineEvent> { IsReadOnly: false } writable)
        {
            writable[0] = Note(contact.Interaction.Id, "tampered");
        }

        Assert.Equal(original.Id, (await store.GetTimelineAsync(contact.Interaction.Id, Ct))[0].Id);
    }

    /// <summary><c>CommitAsync</c>, changes reused after commit: store unchanged.</summary>
    [Fact]
    public async Task CommitAsync_ChangesReusedAfterCommit_StoreUnchanged()
    {
        var store = await NewStoreAsync();
        var contact = await SeedContactAsync(store);
        var changes = new StoreChanges();
        var note = Note(contact.Interaction.Id, "kept");
        changes.Events.Add(note);
        await store.CommitAsync(changes, Ct);

        changes.Clear();
        changes.Events.Add(Note(contact.Interaction.Id, "not committed"));

        var timeline = await store.GetTimelineAsync(contact.Interaction.Id, Ct);
        Assert.Equal(2, timeline.Count);
        Assert.Equal(note.Id, timeline[1].Id);
    }

    /// <summary><c>CommitAsync</c>, empty changes: succeeds.</summary>
    [Fact]
    public async Task CommitAsync_EmptyChanges_Succeeds()
    {
        var store = await NewStoreAsync();

        await store.CommitAsync(new StoreChanges(), Ct);

        Assert.Empty(await store.GetActiveInteractionsAsync(Ct));
    }
}
