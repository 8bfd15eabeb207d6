using Xunit;

namespace ContactCenter.Storage.TestKit;

// Keys are stored exactly or not at all: a key that is not valid UTF-16 (a lone surrogate) is refused by every store,
// since a UTF-8 store would keep U+FFFD instead and the key would no longer match itself.
public abstract partial class InteractionStoreConformanceTests
{
    private const string LoneHigh = "\uD83D";

    /// <summary><c>CommitAsync</c>, inbound key with lone surrogate: throws and writes nothing.</summary>
    [Fact]
    public async Task CommitAsync_InboundKeyWithLoneSurrogate_ThrowsAndWritesNothing()
    {
        var store = await NewStoreAsync();
        var contact = await SeedContactAsync(store, channel: "email:support");
        var before = await SnapshotAsync(store, contact);

        var ex = await Assert.ThrowsAsync<InteractionStoreException>(() => CommitAsync(store, c =>
        {
            c.Events.Add(Message(contact.Interaction, "bad id", "uid-" + LoneHigh));
            c.InboundMessageKeys.Add(new("email:support", "uid-" + LoneHigh));
            c.Checkpoints["email:support"] = "7";
        }));

        Assert.Contains("UTF-16", ex.Message, StringComparison.Ordinal);
        await AssertUnchangedAsync(store, contact, before);
        Assert.Null(await store.GetCheckpointAsync("email:support", Ct));
        Assert.False(await HasInboundAsync(store, "email:support", "uid-" + LoneHigh));
        Assert.False(await HasInboundAsync(store, "email:support", "uid-\uFFFD"));
    }

    /// <summary><c>CommitAsync</c>, conversation key or identity with lone surrogate: throws.</summary>
    [Fact]
    public async Task CommitAsync_ConversationKeyOrIdentityWithLoneSurrogate_Throws()
    {
        var store = await NewStoreAsync();
        var customer = NewCustomer();
        var identity = CustomerIdentity.WebVisitor("v-" + LoneHigh);
        await Assert.ThrowsAsync<InteractionStoreException>(() => CommitAsync(store, c =>
        {
            c.Customers.Add(customer);
            c.Identities.Add(new(identity, customer.Id));
        }));
        Assert.Null(await store.GetCustomerAsync(customer.Id, Ct));
        Assert.Null(await store.FindCustomerAsync(identity, Ct));

        var good = CustomerIdentity.WebVisitor("v-good");
        var interaction = NewInteraction(customer, good, "chat:web", "conv-" + LoneHigh);
        await Assert.ThrowsAsync<InteractionStoreException>(() => CommitAsync(store, c =>
        {
            c.Customers.Add(customer);
            c.Interactions.Add(interaction);
        }));
        Assert.Null(await store.GetInteractionAsync(interaction.Id, Ct));
        Assert.Null(await store.FindOpenInteractionAsync("chat:web", "conv-" + LoneHigh, Ct));
    }

    /// <summary><c>CommitAsync</c>, checkpoint with lone surrogate: throws.</summary>
    [Fact]
    public async Task CommitAsync_CheckpointWithLoneSurrogate_Throws()
    {
        var store = await NewStoreAsync();
        await Assert.ThrowsAsync<InteractionStoreException>(() => CommitAsync(store, c => c.Checkpoints["chat:web"] = "pos-" + LoneHigh));
        Assert.Null(await store.GetCheckpointAsync("chat:web", Ct));
    }

    /// <summary><c>CommitAsync</c>, keys with paired surrogates and replacement character: round trip exactly.</summary>
    [Fact]
    public async Task CommitAsync_KeysWithPairedSurrogatesAndReplacementCharacter_RoundTripExactly()
    {
        var store = await NewStoreAsync();
        const string key = "conv-\uD83D\uDE00-\uFFFD";
        var contact = await SeedContactAsync(store, CustomerIdentity.WebVisitor("v-\uD83D\uDE00"), "chat:web", key);
        await CommitAsync(store, c =>
        {
            c.Events.Add(Message(contact.Interaction, "text \uD83D\uDE00 \uFFFD \u0001", "id-\uD83D\uDE00"));
            c.InboundMessageKeys.Add(new("chat:web", "id-\uD83D\uDE00"));
            c.Checkpoints["chat:web"] = "pos-\uD83D\uDE00";
        });

        Assert.True(await HasInboundAsync(store, "chat:web", "id-\uD83D\uDE00"));
        Assert.Equal("pos-\uD83D\uDE00", await store.GetCheckpointAsync("chat:web", Ct));
        Assert.Equal(contact.Interaction.Id, (await store.FindOpenInteractionAsync("chat:web", key, Ct))!.Id);
        Assert.Equal(contact.Customer.Id, await store.FindCustomerAsync(CustomerIdentity.WebVisitor("v-\uD83D\uDE00"), Ct));
        var text = (await store.GetTimelineAsync(contact.Interaction.Id, Ct)).OfType<MessageEvent>().Single().Content.Text;
        Assert.Equal("text \uD83D\uDE00 \uFFFD \u0001", text);
    }
}
