using Xunit;

namespace ContactCenter.Storage.TestKit;

// Atomic commits: checkpoints in the same transaction as their messages, inbound duplicate keys, failures write nothing.
public abstract partial class InteractionStoreConformanceTests
{
    /// <summary><c>GetCheckpointAsync</c>, committed with messages: returns latest per channel.</summary>
    [Fact]
    public async Task GetCheckpointAsync_CommittedWithMessages_ReturnsLatestPerChannel()
    {
        var store = await NewStoreAsync();
        var contact = await SeedContactAsync(store, channel: "email:support");
        Assert.Null(await store.GetCheckpointAsync("email:support", Ct));

        await CommitAsync(store, c =>
        {
            c.Events.Add(Message(contact.Interaction, "uid 41", "uid-41"));
            c.InboundMessageKeys.Add(new("email:support", "uid-41"));
            c.Checkpoints["email:support"] = "41";
        });
        await CommitAsync(store, c =>
        {
            c.Events.Add(Message(contact.Interaction, "uid 42", "uid-42"));
            c.InboundMessageKeys.Add(new("email:support", "uid-42"));
            c.Checkpoints["email:support"] = "42";
            c.Checkpoints["telegram:bot"] = "offset=1001";
        });

        Assert.Equal("42", await store.GetCheckpointAsync("email:support", Ct));
        Assert.Equal("offset=1001", await store.GetCheckpointAsync("telegram:bot", Ct));
        Assert.Null(await store.GetCheckpointAsync("chat:web", Ct));
        Assert.Equal(3, (await store.GetTimelineAsync(contact.Interaction.Id, Ct)).Count);
    }

    /// <summary><c>CommitAsync</c>, duplicate of stored event id: throws and writes neither messages nor checkpoint.</summary>
    [Fact]
    public async Task CommitAsync_DuplicateOfStoredEventId_ThrowsAndWritesNeitherMessagesNorCheckpoint()
    {
        var store = await NewStoreAsync();
        var contact = await SeedContactAsync(store, channel: "email:support");
        var stored = Message(contact.Interaction, "first", "uid-1");
        await CommitAsync(store, c =>
        {
            c.Events.Add(stored);
            c.InboundMessageKeys.Add(new("email:support", "uid-1"));
            c.Checkpoints["email:support"] = "1";
        });
        var before = await SnapshotAsync(store, contact);

        // A batch as the hub builds it: a new customer and interaction, messages, keys, a checkpoint — and one bad event.
        var newcomer = NewCustomer("Newcomer");
        var newcomerIdentity = CustomerIdentity.Email("new@example.org");
        var newInteraction = NewInteraction(newcomer, newcomerIdentity, "email:support");
        var changes = new StoreChanges();
        changes.Customers.Add(newcomer);
        changes.Identities.Add(new(newcomerIdentity, newcomer.Id));
        changes.Interactions.Add(newInteraction);
        changes.Interactions.Add(contact.Interaction.TransitionTo(InteractionState.Queued, Now()));
        changes.Events.Add(Message(newInteraction, "second", "uid-2"));
        changes.Events.Add(Message(contact.Interaction, "third", "uid-3"));
        changes.Events.Add(stored with { Content = MessageContent.FromText("same id again") });
        changes.CustomerEvents.Add(new CustomerCreatedEvent { Id = TimelineEventId.New(Now()), CustomerId = newcomer.Id, Timestamp = Now(), Identity = newcomerIdentity });
        changes.InboundMessageKeys.Add(new("email:support", "uid-2"));
        changes.InboundMessageKeys.Add(new("email:support", "uid-3"));
        changes.Checkpoints["email:support"] = "3";

        await Assert.ThrowsAsync<InteractionStoreException>(() => store.CommitAsync(changes, Ct));

        await AssertUnchangedAsync(store, contact, before);
        Assert.Null(await store.GetCustomerAsync(newcomer.Id, Ct));
        Assert.Null(await store.FindCustomerAsync(newcomerIdentity, Ct));
        Assert.Null(await store.GetInteractionAsync(newInteraction.Id, Ct));
        Assert.Empty(await store.GetTimelineAsync(newInteraction.Id, Ct));
        Assert.Empty(await store.GetCustomerEventsAsync(newcomer.Id, Ct));
        Assert.False(await HasInboundAsync(store, "email:support", "uid-2"));
        Assert.False(await HasInboundAsync(store, "email:support", "uid-3"));
    }

    /// <summary><c>CommitAsync</c>, same event id twice in one commit: throws and writes nothing.</summary>
    [Fact]
    public async Task CommitAsync_SameEventIdTwiceInOneCommit_ThrowsAndWritesNothing()
    {
        var store = await NewStoreAsync();
        var contact = await SeedContactAsync(store);
        var before = await SnapshotAsync(store, contact);
        var message = Message(contact.Interaction, "twice");

        await Assert.ThrowsAsync<InteractionStoreException>(() => CommitAsync(store, c =>
        {
            c.Events.Add(message);
            c.Events.Add(message);
            c.Checkpoints[contact.Interaction.Channel] = "99";
        }));

        await AssertUnchangedAsync(store, contact, before);
    }

    /// <summary><c>CommitAsync</c>, event of unknown interaction: throws and writes nothing.</summary>
    [Fact]
    public async Task CommitAsync_EventOfUnknownInteraction_ThrowsAndWritesNothing()
    {
        var store = await NewStoreAsync();
        var contact = await SeedContactAsync(store);
        var before = await SnapshotAsync(store, contact);

        await Assert.ThrowsAsync<InteractionStoreException>(() => CommitAsync(store, c =>
        {
            c.Events.Add(Message(contact.Interaction, "fine"));
            c.Events.Add(Note(InteractionId.New(Now()), "orphan"));
            c.Checkpoints[contact.Interaction.Channel] = "99";
        }));

        await AssertUnchangedAsync(store, contact, before);
    }

    /// <summary><c>CommitAsync</c>, identity of unknown customer: throws and writes nothing.</summary>
    [Fact]
    public async Task CommitAsync_IdentityOfUnknownCustomer_ThrowsAndWritesNothing()
    {
        var store = await NewStoreAsync();
        var contact = await SeedContactAsync(store);
        var before = await SnapshotAsync(store, contact);
        var orphan = CustomerIdentity.Phone("+4930999");

        await Assert.ThrowsAsync<InteractionStoreException>(() => CommitAsync(store, c =>
        {
            c.Events.Add(Message(contact.Interaction, "fine"));
            c.Identities.Add(new(orphan, CustomerId.New(Now())));
        }));

        await AssertUnchangedAsync(store, contact, before);
        Assert.Null(await store.FindCustomerAsync(orphan, Ct));
    }

    /// <summary><c>FindInboundMessagesAsync</c>, recorded key: is found only for that channel and id.</summary>
    [Fact]
    public async Task FindInboundMessagesAsync_RecordedKey_IsFoundOnlyForThatChannelAndId()
    {
        var store = await NewStoreAsync();
        var contact = await SeedContactAsync(store, channel: "telegram:bot");

        await CommitAsync(store, c =>
        {
            c.Events.Add(Message(contact.Interaction, "hi", "update-7"));
            c.InboundMessageKeys.Add(new("telegram:bot", "update-7"));
        });

        Assert.True(await HasInboundAsync(store, "telegram:bot", "update-7"));
        Assert.False(await HasInboundAsync(store, "telegram:other", "update-7"));
        Assert.False(await HasInboundAsync(store, "telegram:bot", "update-8"));
        Assert.False(await HasInboundAsync(store, "telegram:bot", "UPDATE-7"));
    }

    /// <summary><c>FindInboundMessagesAsync</c>, batch: returns only stored ids of that channel.</summary>
    [Fact]
    public async Task FindInboundMessagesAsync_Batch_ReturnsOnlyStoredIdsOfThatChannel()
    {
        var store = await NewStoreAsync();
        var contact = await SeedContactAsync(store, channel: "telegram:bot");
        await CommitAsync(store, c =>
        {
            c.Events.Add(Message(contact.Interaction, "one", "update-1"));
            c.Events.Add(Message(contact.Interaction, "three", "update-3"));
            c.InboundMessageKeys.Add(new("telegram:bot", "update-1"));
            c.InboundMessageKeys.Add(new("telegram:bot", "update-3"));
        });

        var found = await store.FindInboundMessagesAsync("telegram:bot", ["update-1", "update-2", "update-3", "update-1", "it's \"quoted\""], Ct);
        Assert.Equal(["update-1", "update-3"], found.Order(StringComparer.Ordinal).ToArray());
        Assert.Empty(await store.FindInboundMessagesAsync("telegram:other", ["update-1"], Ct));
        Assert.Empty(await store.FindInboundMessagesAsync("telegram:bot", [], Ct));
    }

    /// <summary><c>CommitAsync</c>, inbound key already stored: throws and writes nothing.</summary>
    [Fact]
    public async Task CommitAsync_InboundKeyAlreadyStored_ThrowsAndWritesNothing()
    {
        var store = await NewStoreAsync();
        var contact = await SeedContactAsync(store, channel: "telegram:bot");
        await CommitAsync(store, c =>
        {
            c.Events.Add(Message(contact.Interaction, "hi", "update-7"));
            c.InboundMessageKeys.Add(new("telegram:bot", "update-7"));
            c.Checkpoints["telegram:bot"] = "7";
        });
        var before = await SnapshotAsync(store, contact);

        await Assert.ThrowsAsync<InteractionStoreException>(() => CommitAsync(store, c =>
        {
            c.Events.Add(Message(contact.Interaction, "hi again", "update-7"));
            c.InboundMessageKeys.Add(new("telegram:bot", "update-7"));
            c.Checkpoints["telegram:bot"] = "8";
        }));

        await AssertUnchangedAsync(store, contact, before);
    }

    /// <summary><c>CommitAsync</c>, cancelled before start: throws and writes nothing.</summary>
    [Fact]
    public async Task CommitAsync_CancelledBeforeStart_ThrowsAndWritesNothing()
    {
        var store = await NewStoreAsync();
        var contact = await SeedContactAsync(store);
        var before = await SnapshotAsync(store, contact);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var changes = new StoreChanges();
        changes.Events.Add(Message(contact.Interaction, "never"));
        changes.Checkpoints[contact.Interaction.Channel] = "99";

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.CommitAsync(changes, cancelled.Token));

        await AssertUnchangedAsync(store, contact, before);
    }

    /// <summary>What a failed commit must leave as it was.</summary>
    /// <param name="Timeline">The contact's timeline event ids.</param>
    /// <param name="Interaction">The contact's interaction.</param>
    /// <param name="Checkpoint">The checkpoint of the contact's channel.</param>
    /// <param name="Active">The active interaction ids.</param>
    protected sealed record Snapshot(TimelineEventId[] Timeline, Interaction? Interaction, string? Checkpoint, InteractionId[] Active);

    /// <summary>Reads what a failed commit must not change.</summary>
    protected static async Task<Snapshot> SnapshotAsync(IInteractionStore store, Contact contact)
        => new(
            (await store.GetTimelineAsync(contact.Interaction.Id, Ct)).Select(e => e.Id).ToArray(),
            await store.GetInteractionAsync(contact.Interaction.Id, Ct),
            await store.GetCheckpointAsync(contact.Interaction.Channel, Ct),
            (await store.GetActiveInteractionsAsync(Ct)).Select(i => i.Id).ToArray());

    /// <summary>Asserts the store still holds exactly <paramref name="before"/>.</summary>
    protected static async Task AssertUnchangedAsync(IInteractionStore store, Contact contact, Snapshot before)
    {
        var after = await SnapshotAsync(store, contact);
        Assert.Equal(before.Timeline, after.Timeline);
        AssertDeepEqual(before.Interaction, after.Interaction);
        Assert.Equal(before.Checkpoint, after.Checkpoint);
        Assert.Equal(before.Active, after.Active);
    }
}
