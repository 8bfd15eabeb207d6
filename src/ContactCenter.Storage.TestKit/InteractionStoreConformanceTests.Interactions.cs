using Xunit;

namespace ContactCenter.Storage.TestKit;

// Interaction projections: round trip, replace, open-interaction lookup, active interactions, per customer.
public abstract partial class InteractionStoreConformanceTests
{
    /// <summary><c>GetInteractionAsync</c>, stored interaction: round trips every value.</summary>
    [Fact]
    public async Task GetInteractionAsync_StoredInteraction_RoundTripsEveryValue()
    {
        var store = await NewStoreAsync();
        var contact = await SeedContactAsync(store, CustomerIdentity.Phone("+4930111"), "sip:main", "call-1@pbx");
        var full = contact.Interaction.TransitionTo(InteractionState.Queued, Now()).TransitionTo(InteractionState.Offered, Now())
            .TransitionTo(InteractionState.Connected, Now()).TransitionTo(InteractionState.WrapUp, Now()) with
        {
            Media = MediaType.Voice,
            Initiation = InitiationKind.Transfer,
            Tenant = new TenantId("acme"),
            Queue = new QueueId("billing"),
            Agent = new AgentId("anna"),
            Priority = 7,
            PreviousInteractionId = InteractionId.New(T0),
            RelatedInteractions = [InteractionId.New(T0.AddDays(-1)), InteractionId.New(T0.AddDays(-2))],
            Cases = [new CaseId("INC-1"), new CaseId("INC-2")],
            WrapUpCode = "resolved",
            Attributes = OddAttributes,
            Version = 12,
            EndedAt = Now(),
        };

        await CommitAsync(store, c => c.Interactions.Add(full));

        AssertDeepEqual(full, await store.GetInteractionAsync(full.Id, Ct));
        Assert.Null(await store.GetInteractionAsync(InteractionId.New(T0), Ct));
    }

    /// <summary><c>CommitAsync</c>, interaction replaced: last projection wins.</summary>
    [Fact]
    public async Task CommitAsync_InteractionReplaced_LastProjectionWins()
    {
        var store = await NewStoreAsync();
        var contact = await SeedContactAsync(store);
        var queued = contact.Interaction.TransitionTo(InteractionState.Queued, Now()) with { Queue = new QueueId("sales"), Version = 2 };
        var offered = queued.TransitionTo(InteractionState.Offered, Now()) with { Agent = new AgentId("bob"), Version = 3 };

        // Two projections of the same interaction in one commit: the later one is kept.
        await CommitAsync(store, c => c.Interactions.AddRange([queued, offered]));

        var read = await store.GetInteractionAsync(contact.Interaction.Id, Ct);
        Assert.Equal(InteractionState.Offered, read!.State);
        Assert.Equal(new AgentId("bob"), read.Agent);
        Assert.Equal(3, read.Version);
        Assert.Single(await store.GetInteractionsByCustomerAsync(contact.Customer.Id, Ct));
    }

    /// <summary><c>FindOpenInteractionAsync</c>, open interaction: returns it.</summary>
    [Fact]
    public async Task FindOpenInteractionAsync_OpenInteraction_ReturnsIt()
    {
        var store = await NewStoreAsync();
        var contact = await SeedContactAsync(store, channel: "telegram:bot", conversationKey: "chat-42");

        var open = await store.FindOpenInteractionAsync("telegram:bot", "chat-42", Ct);

        Assert.Equal(contact.Interaction.Id, open?.Id);
        Assert.Null(await store.FindOpenInteractionAsync("telegram:other", "chat-42", Ct));
        Assert.Null(await store.FindOpenInteractionAsync("telegram:bot", "chat-43", Ct));
        Assert.Null(await store.FindOpenInteractionAsync("telegram:bot", "CHAT-42", Ct));
    }

    /// <summary><c>FindOpenInteractionAsync</c>, interaction ended: returns null.</summary>
    [Theory]
    [InlineData(InteractionState.Closed)]
    [InlineData(InteractionState.Abandoned)]
    [InlineData(InteractionState.Transferred)]
    public async Task FindOpenInteractionAsync_InteractionEnded_ReturnsNull(InteractionState terminal)
    {
        var store = await NewStoreAsync();
        var contact = await SeedContactAsync(store, channel: "chat:web", conversationKey: "session-1");
        var ended = terminal == InteractionState.Transferred
            ? contact.Interaction.TransitionTo(InteractionState.InFlow, Now()).TransitionTo(terminal, Now())
            : contact.Interaction.TransitionTo(terminal, Now());

        await CommitAsync(store, c => c.Interactions.Add(ended));

        Assert.Null(await store.FindOpenInteractionAsync("chat:web", "session-1", Ct));
        Assert.Equal(terminal, (await store.GetInteractionAsync(contact.Interaction.Id, Ct))!.State);
    }

    /// <summary><c>FindOpenInteractionAsync</c>, ended then reopened key: returns new interaction.</summary>
    [Fact]
    public async Task FindOpenInteractionAsync_EndedThenReopenedKey_ReturnsNewInteraction()
    {
        var store = await NewStoreAsync();
        var first = await SeedContactAsync(store, channel: "sip:main", conversationKey: "call-1");
        await CommitAsync(store, c => c.Interactions.Add(first.Interaction.TransitionTo(InteractionState.Closed, Now())));
        var second = NewInteraction(first.Customer, first.Identity, "sip:main", "call-1");

        await CommitAsync(store, c => c.Interactions.Add(second));

        Assert.Equal(second.Id, (await store.FindOpenInteractionAsync("sip:main", "call-1", Ct))?.Id);
    }

    /// <summary><c>GetActiveInteractionsAsync</c>, mixed states: returns only not ended oldest first.</summary>
    [Fact]
    public async Task GetActiveInteractionsAsync_MixedStates_ReturnsOnlyNotEndedOldestFirst()
    {
        var store = await NewStoreAsync();
        var a = await SeedContactAsync(store);
        var b = await SeedContactAsync(store);
        var c = await SeedContactAsync(store);
        var d = await SeedContactAsync(store);
        await CommitAsync(store, ch =>
        {
            ch.Interactions.Add(b.Interaction.TransitionTo(InteractionState.Closed, Now()));
            ch.Interactions.Add(d.Interaction.TransitionTo(InteractionState.Queued, Now()));
            ch.Interactions.Add(a.Interaction.TransitionTo(InteractionState.InFlow, Now()));
        });

        var active = await store.GetActiveInteractionsAsync(Ct);

        Assert.Equal([a.Interaction.Id, c.Interaction.Id, d.Interaction.Id], active.Select(i => i.Id));
        Assert.Equal(InteractionState.Queued, active[2].State);
    }

    /// <summary><c>GetInteractionsByCustomerAsync</c>, several interactions: returns own oldest first.</summary>
    [Fact]
    public async Task GetInteractionsByCustomerAsync_SeveralInteractions_ReturnsOwnOldestFirst()
    {
        var store = await NewStoreAsync();
        var contact = await SeedContactAsync(store, CustomerIdentity.Phone("+4930111"));
        var stranger = await SeedContactAsync(store);
        var newest = NewInteraction(contact.Customer, contact.Identity, "sip:main");
        var older = NewInteraction(contact.Customer, contact.Identity, "email:support") with { CreatedAt = T0.AddMinutes(-5) };

        await CommitAsync(store, c => c.Interactions.AddRange([newest, older]));

        Assert.Equal([older.Id, contact.Interaction.Id, newest.Id], (await store.GetInteractionsByCustomerAsync(contact.Customer.Id, Ct)).Select(i => i.Id));
        Assert.Equal([stranger.Interaction.Id], (await store.GetInteractionsByCustomerAsync(stranger.Customer.Id, Ct)).Select(i => i.Id));
        Assert.Empty(await store.GetInteractionsByCustomerAsync(CustomerId.New(T0), Ct));
    }

    /// <summary><c>CommitAsync</c>, projection changes fixed values: throws and writes nothing.</summary>
    [Fact]
    public async Task CommitAsync_ProjectionChangesFixedValues_ThrowsAndWritesNothing()
    {
        var store = await NewStoreAsync();
        var contact = await SeedContactAsync(store, channel: "chat:web", conversationKey: "session-1");
        var other = await SeedContactAsync(store);
        var before = await SnapshotAsync(store, contact);

        foreach (var changed in new[]
        {
            contact.Interaction with { CustomerId = other.Customer.Id },
            contact.Interaction with { Channel = "chat:other" },
            contact.Interaction with { ConversationKey = "session-2" },
            contact.Interaction with { CreatedAt = contact.Interaction.CreatedAt.AddMinutes(1) },
        })
        {
            await Assert.ThrowsAsync<InteractionStoreException>(() => CommitAsync(store, c =>
            {
                c.Interactions.Add(contact.Interaction.TransitionTo(InteractionState.Queued, Now()));
                c.Interactions.Add(changed);
                c.Checkpoints["chat:web"] = "99";
            }));
        }

        await AssertUnchangedAsync(store, contact, before);
        Assert.Equal(contact.Interaction.Id, (await store.FindOpenInteractionAsync("chat:web", "session-1", Ct))?.Id);
    }

    /// <summary><c>CommitAsync</c>, same interaction many times in one commit: keeps last and its indexes.</summary>
    [Fact]
    public async Task CommitAsync_SameInteractionManyTimesInOneCommit_KeepsLastAndItsIndexes()
    {
        var store = await NewStoreAsync();
        var contact = await SeedContactAsync(store, channel: "chat:web", conversationKey: "session-1");
        var projection = contact.Interaction;
        var changes = new StoreChanges();
        for (var i = 1; i <= 10; i++)
        {
            projection = projection with { Version = i, UpdatedAt = Now() };
            changes.Interactions.Add(projection);
            changes.Events.Add(Message(projection, $"message {i}"));
        }

        changes.Interactions.Add(projection.TransitionTo(InteractionState.Closed, Now()) with { Version = 11 });
        await store.CommitAsync(changes, Ct);

        var read = await store.GetInteractionAsync(contact.Interaction.Id, Ct);
        Assert.Equal(11, read!.Version);
        Assert.True(read.IsEnded);
        Assert.Null(await store.FindOpenInteractionAsync("chat:web", "session-1", Ct));
        Assert.Empty(await store.GetActiveInteractionsAsync(Ct));
        Assert.Equal(11, (await store.GetTimelineAsync(contact.Interaction.Id, Ct)).Count);
    }
}
