using Xunit;

namespace ContactCenter.Storage.TestKit;

// Durable stores: everything committed is still there after the store is closed and opened again.
// Skipped for stores whose SupportsReopen is false.
public abstract partial class InteractionStoreConformanceTests
{
    /// <summary><c>ReopenStore</c>, after commits: everything is still there.</summary>
    [Fact]
    public async Task ReopenStore_AfterCommits_EverythingIsStillThere()
    {
        var store = await NewStoreAsync();
        var ann = await SeedContactAsync(store, CustomerIdentity.Phone("+4930111"), "sip:main", "call-1");
        var bob = await SeedContactAsync(store, CustomerIdentity.Email("bob@example.org"), "email:support", "<t1@x>");
        var extra = CustomerIdentity.Telegram(99);
        var message = Message(ann.Interaction, "hello", "m-1");
        var ended = bob.Interaction.TransitionTo(InteractionState.Closed, Now()) with { WrapUpCode = "resolved", Version = 3 };
        await CommitAsync(store, c =>
        {
            c.Identities.Add(new(extra, ann.Customer.Id));
            c.Interactions.Add(ann.Interaction.TransitionTo(InteractionState.Queued, Now()) with { Queue = new QueueId("sales"), Version = 2 });
            c.Interactions.Add(ended);
            c.Events.Add(message);
            c.InboundMessageKeys.Add(new("sip:main", "m-1"));
            c.Checkpoints["email:support"] = "uid=17";
        });
        await MergeAsync(store, bob.Customer, ann.Customer.Id);
        var expected = await ReadEverythingAsync(store, ann, bob);

        var reopened = await ReopenAsync(store);

        var actual = await ReadEverythingAsync(reopened, ann, bob);
        AssertDeepEqual(expected.Customers, actual.Customers);
        AssertDeepEqual(expected.Interactions, actual.Interactions);
        AssertDeepEqual(expected.Timelines, actual.Timelines);
        AssertDeepEqual(expected.CustomerEvents, actual.CustomerEvents);
        Assert.Equal(expected.Identities, actual.Identities);
        Assert.Equal(ann.Customer.Id, await reopened.FindCustomerAsync(CustomerIdentity.Telegram(99), Ct));
        Assert.Equal([bob.Customer.Id], await reopened.GetMergedCustomersAsync(ann.Customer.Id, Ct));
        Assert.Equal([ann.Interaction.Id], (await reopened.GetActiveInteractionsAsync(Ct)).Select(i => i.Id));
        Assert.Equal(ann.Interaction.Id, (await reopened.FindOpenInteractionAsync("sip:main", "call-1", Ct))?.Id);
        Assert.Null(await reopened.FindOpenInteractionAsync("email:support", "<t1@x>", Ct));
        Assert.True(await HasInboundAsync(reopened, "sip:main", "m-1"));
        Assert.Equal("uid=17", await reopened.GetCheckpointAsync("email:support", Ct));

        // The reopened store keeps appending after what was there.
        var after = Message(ann.Interaction, "after restart");
        await CommitAsync(reopened, c => c.Events.Add(after));
        Assert.Equal(after.Id, (await reopened.GetTimelineAsync(ann.Interaction.Id, Ct))[^1].Id);
        await Assert.ThrowsAsync<InteractionStoreException>(() => CommitAsync(reopened, c => c.Events.Add(message)));
    }

    /// <summary><c>ReopenStore</c>, after failed commit: nothing of it is there.</summary>
    [Fact]
    public async Task ReopenStore_AfterFailedCommit_NothingOfItIsThere()
    {
        var store = await NewStoreAsync();
        var contact = await SeedContactAsync(store, channel: "email:support");
        await CommitAsync(store, c => c.Checkpoints["email:support"] = "1");
        var before = await SnapshotAsync(store, contact);
        var duplicate = (await store.GetTimelineAsync(contact.Interaction.Id, Ct))[0];
        var lost = Message(contact.Interaction, "lost", "uid-2");
        await Assert.ThrowsAsync<InteractionStoreException>(() => CommitAsync(store, c =>
        {
            c.Events.Add(lost);
            c.Events.Add(duplicate);
            c.InboundMessageKeys.Add(new("email:support", "uid-2"));
            c.Checkpoints["email:support"] = "2";
        }));

        var reopened = await ReopenAsync(store);

        await AssertUnchangedAsync(reopened, contact, before);
        Assert.False(await HasInboundAsync(reopened, "email:support", "uid-2"));
    }

    private async Task<Everything> ReadEverythingAsync(IInteractionStore store, params Contact[] contacts)
    {
        var customers = new List<Customer?>();
        var interactions = new List<Interaction>();
        var timelines = new List<TimelineEvent>();
        var customerEvents = new List<CustomerEvent>();
        var identities = new List<string>();
        foreach (var contact in contacts)
        {
            customers.Add(await store.GetCustomerAsync(contact.Customer.Id, Ct));
            interactions.AddRange(await store.GetInteractionsByCustomerAsync(contact.Customer.Id, Ct));
            timelines.AddRange(await store.GetTimelineAsync(contact.Interaction.Id, Ct));
            customerEvents.AddRange(await store.GetCustomerEventsAsync(contact.Customer.Id, Ct));
            identities.AddRange((await store.GetIdentitiesAsync(contact.Customer.Id, Ct)).Select(i => i.ToString()).Order(StringComparer.Ordinal));
        }

        return new Everything(customers, interactions, timelines, customerEvents, identities);
    }

    private sealed record Everything(
        List<Customer?> Customers, List<Interaction> Interactions, List<TimelineEvent> Timelines, List<CustomerEvent> CustomerEvents, List<string> Identities);
}
