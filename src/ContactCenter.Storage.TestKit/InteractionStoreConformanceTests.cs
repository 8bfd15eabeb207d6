using Xunit;
using System.Collections.Immutable;
using System.Text.Json;

namespace ContactCenter.Storage.TestKit;

/// <summary>
/// The conformance suite every <see cref="IInteractionStore"/> passes. A store's test project derives a class
/// from this one, implements <see cref="CreateStore"/> (and, for a durable store, <see cref="SupportsReopen"/> and
/// <see cref="ReopenStore"/>) and inherits every test. The tests are split by subject over the partial files
/// of this class.
/// </summary>
public abstract partial class InteractionStoreConformanceTests : IAsyncLifetime
{
    /// <summary>The start of the fake timeline used by the tests (an offset other than UTC on purpose).</summary>
    protected static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(3));

    private static readonly JsonSerializerOptions s_compareOptions = new() { WriteIndented = false };
    private readonly List<IInteractionStore> _stores = [];
    private int _tick;

    /// <summary>The test's cancellation token.</summary>
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Whether the store holds the inbound message key (through the batched look-up, for one id).</summary>
    protected static async Task<bool> HasInboundAsync(IInteractionStore store, string channel, string externalId)
        => (await store.FindInboundMessagesAsync(channel, [externalId], Ct)).Contains(externalId);

    /// <summary>Whether the store keeps its data across instances (a durable store); enables the reopen tests.</summary>
    protected virtual bool SupportsReopen => false;

    /// <summary>Creates a fresh, empty store. The kit calls <see cref="IInteractionStore.InitializeAsync"/> and disposes it.</summary>
    protected abstract IInteractionStore CreateStore();

    /// <summary>
    /// Opens a new instance over the data of <paramref name="previous"/>, which the kit has already disposed
    /// (a restart). Only called when <see cref="SupportsReopen"/> is <see langword="true"/>.
    /// </summary>
    protected virtual IInteractionStore ReopenStore(IInteractionStore previous)
        => throw new NotSupportedException("This store does not keep data across instances.");

    /// <inheritdoc />
    public virtual ValueTask InitializeAsync() => ValueTask.CompletedTask;

    /// <inheritdoc />
    public virtual async ValueTask DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await DisposeStoreAsync(store);
        }

        _stores.Clear();
        GC.SuppressFinalize(this);
    }

    /// <summary>Creates and initializes a fresh store that the kit disposes after the test.</summary>
    protected async Task<IInteractionStore> NewStoreAsync()
    {
        var store = CreateStore();
        _stores.Add(store);
        await store.InitializeAsync(Ct);
        return store;
    }

    /// <summary>Disposes <paramref name="store"/> and opens it again; skips the test for a store that is not durable.</summary>
    protected async Task<IInteractionStore> ReopenAsync(IInteractionStore store)
    {
        Assert.SkipUnless(SupportsReopen, "The store does not keep data across instances.");
        _stores.Remove(store);
        await DisposeStoreAsync(store);
        var reopened = ReopenStore(store);
        _stores.Add(reopened);
        await reopened.InitializeAsync(Ct);
        return reopened;
    }

    /// <summary>The next moment on the test's timeline (one second after the previous one).</summary>
    protected DateTimeOffset Now() => T0.AddSeconds(Interlocked.Increment(ref _tick));

    /// <summary>A new customer (not stored).</summary>
    protected Customer NewCustomer(string? displayName = null)
    {
        var at = Now();
        return new Customer { Id = CustomerId.New(at), CreatedAt = at, DisplayName = displayName };
    }

    /// <summary>A new open interaction of <paramref name="customer"/> (not stored).</summary>
    protected Interaction NewInteraction(Customer customer, CustomerIdentity identity, string channel = "chat:web", string? conversationKey = null)
    {
        var at = Now();
        var id = InteractionId.New(at);
        return new Interaction
        {
            Id = id,
            CustomerId = customer.Id,
            Channel = channel,
            Media = MediaType.Chat,
            ConversationKey = conversationKey ?? id.ToString(),
            CustomerIdentity = identity,
            CreatedAt = at,
            UpdatedAt = at,
        };
    }

    /// <summary>An inbound text message on <paramref name="interaction"/>'s timeline (not stored).</summary>
    protected MessageEvent Message(Interaction interaction, string text, string? externalId = null)
    {
        var at = Now();
        return new MessageEvent
        {
            Id = TimelineEventId.New(at),
            InteractionId = interaction.Id,
            Timestamp = at,
            Direction = MessageDirection.Inbound,
            Content = MessageContent.FromText(text),
            ExternalId = externalId,
        };
    }

    /// <summary>A system note on <paramref name="interaction"/>'s timeline (not stored).</summary>
    protected SystemEvent Note(InteractionId interaction, string text)
    {
        var at = Now();
        return new SystemEvent { Id = TimelineEventId.New(at), InteractionId = interaction, Timestamp = at, Kind = "note", Text = text };
    }

    /// <summary>
    /// Stores what the hub stores on first contact: a customer owning <paramref name="identity"/>, its created
    /// event, and an open interaction with its created event.
    /// </summary>
    protected async Task<Contact> SeedContactAsync(IInteractionStore store, CustomerIdentity? identity = null,
        string channel = "chat:web", string? conversationKey = null)
    {
        var who = identity ?? CustomerIdentity.WebVisitor("visitor-" + Guid.NewGuid().ToString("N"));
        var customer = NewCustomer("Customer " + who.Value);
        var interaction = NewInteraction(customer, who, channel, conversationKey);
        var changes = new StoreChanges();
        changes.Customers.Add(customer);
        changes.Identities.Add(new(who, customer.Id));
        changes.CustomerEvents.Add(new CustomerCreatedEvent { Id = TimelineEventId.New(Now()), CustomerId = customer.Id, Timestamp = Now(), Identity = who, Actor = channel });
        changes.Interactions.Add(interaction);
        changes.Events.Add(new InteractionCreatedEvent
        {
            Id = TimelineEventId.New(interaction.CreatedAt),
            InteractionId = interaction.Id,
            Timestamp = interaction.CreatedAt,
            Channel = channel,
            Media = interaction.Media,
            CustomerId = customer.Id,
            CustomerIdentity = who,
            ConversationKey = interaction.ConversationKey,
        });
        await store.CommitAsync(changes, Ct);
        return new Contact(customer, who, interaction);
    }

    /// <summary>Commits one change set built by <paramref name="fill"/>.</summary>
    protected static async Task CommitAsync(IInteractionStore store, Action<StoreChanges> fill)
    {
        var changes = new StoreChanges();
        fill(changes);
        await store.CommitAsync(changes, Ct);
    }

    /// <summary>
    /// Asserts that two values are equal member by member, nested collections included (records holding
    /// immutable arrays compare those by reference, which a store that serializes cannot preserve). Two
    /// sequences are compared element by element, in order.
    /// </summary>
    protected static void AssertDeepEqual(object? expected, object? actual)
    {
        if (expected is null)
        {
            Assert.Null(actual);
            return;
        }

        Assert.NotNull(actual);
        if (expected is System.Collections.IEnumerable expectedItems and not string)
        {
            var actualItems = Assert.IsAssignableFrom<System.Collections.IEnumerable>(actual).Cast<object?>().ToList();
            var expectedList = expectedItems.Cast<object?>().ToList();
            Assert.Equal(expectedList.Count, actualItems.Count);
            for (var i = 0; i < expectedList.Count; i++)
            {
                AssertDeepEqual(expectedList[i], actualItems[i]);
            }

            return;
        }

        Assert.Equal(expected.GetType(), actual.GetType());
        Assert.Equal(JsonSerializer.Serialize(expected, expected.GetType(), s_compareOptions), JsonSerializer.Serialize(actual, actual.GetType(), s_compareOptions));
    }

    private static async ValueTask DisposeStoreAsync(IInteractionStore store)
    {
        switch (store)
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync();
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }
    }

    /// <summary>A stored first contact.</summary>
    /// <param name="Customer">The customer.</param>
    /// <param name="Identity">The identity it owns.</param>
    /// <param name="Interaction">Its open interaction.</param>
    protected sealed record Contact(Customer Customer, CustomerIdentity Identity, Interaction Interaction);

    /// <summary>Attributes for round-trip tests, with characters a store might mangle.</summary>
    protected static ImmutableDictionary<string, string> OddAttributes { get; } = ImmutableDictionary<string, string>.Empty
        .Add("vip", "true").Add("name", "Jürgen «Ёж» 李 🚀").Add("quote", "it's \"quoted\"; DROP TABLE x;--").Add("empty", string.Empty);
}
