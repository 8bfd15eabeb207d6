using Xunit;

namespace ContactCenter.Storage.TestKit;

// Customers: lookup by (normalized) identity, re-linking identities, merge and un-merge, audit trail.
public abstract partial class InteractionStoreConformanceTests
{
    /// <summary><c>GetCustomerAsync</c>, stored customer: round trips every value.</summary>
    [Fact]
    public async Task GetCustomerAsync_StoredCustomer_RoundTripsEveryValue()
    {
        var store = await NewStoreAsync();
        var target = NewCustomer("Target");
        var customer = NewCustomer("Ann «Ёж» O'Neil") with { Attributes = OddAttributes, MergedInto = target.Id };
        await CommitAsync(store, c => c.Customers.AddRange([customer, target]));

        AssertDeepEqual(customer, await store.GetCustomerAsync(customer.Id, Ct));
    }

    /// <summary><c>GetCustomerAsync</c>, unknown id: returns null.</summary>
    [Fact]
    public async Task GetCustomerAsync_UnknownId_ReturnsNull()
    {
        var store = await NewStoreAsync();

        Assert.Null(await store.GetCustomerAsync(CustomerId.New(T0), Ct));
    }

    /// <summary><c>CommitAsync</c>, customer replaced: last version wins.</summary>
    [Fact]
    public async Task CommitAsync_CustomerReplaced_LastVersionWins()
    {
        var store = await NewStoreAsync();
        var customer = NewCustomer("Before");
        await CommitAsync(store, c => c.Customers.Add(customer));

        await CommitAsync(store, c => c.Customers.Add(customer with { DisplayName = "After" }));

        Assert.Equal("After", (await store.GetCustomerAsync(customer.Id, Ct))!.DisplayName);
    }

    /// <summary><c>FindCustomerAsync</c>, identity written another way: finds owner.</summary>
    [Theory]
    [InlineData("phone", "+1 (555) 010-0000", "phone", "+15550100000")]
    [InlineData("email", "Ann.Lee@Example.ORG", "EMAIL", " ann.lee@example.org ")]
    [InlineData("telegram", "123456789", "Telegram", "123456789")]
    [InlineData("crm", "Case-Sensitive-Id", "CRM", "Case-Sensitive-Id")]
    public async Task FindCustomerAsync_IdentityWrittenAnotherWay_FindsOwner(string storedKind, string storedValue, string lookupKind, string lookupValue)
    {
        var store = await NewStoreAsync();
        var contact = await SeedContactAsync(store, new CustomerIdentity(new IdentityKind(storedKind), storedValue));

        var found = await store.FindCustomerAsync(new CustomerIdentity(new IdentityKind(lookupKind), lookupValue), Ct);

        Assert.Equal(contact.Customer.Id, found);
    }

    /// <summary><c>FindCustomerAsync</c>, same value other kind or unknown: returns null.</summary>
    [Fact]
    public async Task FindCustomerAsync_SameValueOtherKindOrUnknown_ReturnsNull()
    {
        var store = await NewStoreAsync();
        await SeedContactAsync(store, new CustomerIdentity(new IdentityKind("crm"), "42"));

        Assert.Null(await store.FindCustomerAsync(CustomerIdentity.Telegram(42), Ct));
        Assert.Null(await store.FindCustomerAsync(new CustomerIdentity(new IdentityKind("crm"), "43"), Ct));
    }

    /// <summary><c>GetIdentitiesAsync</c>, customer with several identities: returns each.</summary>
    [Fact]
    public async Task GetIdentitiesAsync_CustomerWithSeveralIdentities_ReturnsEach()
    {
        var store = await NewStoreAsync();
        var contact = await SeedContactAsync(store, CustomerIdentity.Phone("+4930123456"));
        var email = CustomerIdentity.Email("ann@example.org");
        var telegram = CustomerIdentity.Telegram(777);
        await CommitAsync(store, c => c.Identities.AddRange([new(email, contact.Customer.Id), new(telegram, contact.Customer.Id)]));

        var identities = await store.GetIdentitiesAsync(contact.Customer.Id, Ct);

        Assert.Equal(
            new[] { contact.Identity, email, telegram }.Select(i => i.ToString()).Order(StringComparer.Ordinal),
            identities.Select(i => i.ToString()).Order(StringComparer.Ordinal));
        Assert.Equal(contact.Customer.Id, await store.FindCustomerAsync(CustomerIdentity.Email("ANN@example.org"), Ct));
        Assert.Empty(await store.GetIdentitiesAsync(CustomerId.New(T0), Ct));
    }

    /// <summary><c>CommitAsync</c>, identity relinked to another customer: moves ownership.</summary>
    [Fact]
    public async Task CommitAsync_IdentityRelinkedToAnotherCustomer_MovesOwnership()
    {
        var store = await NewStoreAsync();
        var ann = await SeedContactAsync(store, CustomerIdentity.Phone("+4930111"));
        var bob = await SeedContactAsync(store, CustomerIdentity.Phone("+4930222"));
        var shared = CustomerIdentity.Email("family@example.org");
        await CommitAsync(store, c => c.Identities.Add(new(shared, ann.Customer.Id)));

        await CommitAsync(store, c =>
        {
            c.Identities.Add(new(shared, bob.Customer.Id));
            c.CustomerEvents.Add(new IdentityLinkedEvent
            {
                Id = TimelineEventId.New(Now()), CustomerId = bob.Customer.Id, Timestamp = Now(), Identity = shared, PreviousOwner = ann.Customer.Id, Actor = "anna",
            });
        });

        Assert.Equal(bob.Customer.Id, await store.FindCustomerAsync(shared, Ct));
        Assert.DoesNotContain(shared, await store.GetIdentitiesAsync(ann.Customer.Id, Ct));
        Assert.Contains(shared, await store.GetIdentitiesAsync(bob.Customer.Id, Ct));
        Assert.Equal([ann.Identity], await store.GetIdentitiesAsync(ann.Customer.Id, Ct));
        var linked = Assert.IsType<IdentityLinkedEvent>((await store.GetCustomerEventsAsync(bob.Customer.Id, Ct))[^1]);
        Assert.Equal(ann.Customer.Id, linked.PreviousOwner);
    }

    /// <summary><c>CommitAsync</c>, customer merged: sets merged into and keeps each history.</summary>
    [Fact]
    public async Task CommitAsync_CustomerMerged_SetsMergedIntoAndKeepsEachHistory()
    {
        var store = await NewStoreAsync();
        var survivor = await SeedContactAsync(store, CustomerIdentity.Phone("+4930111"));
        var absorbed = await SeedContactAsync(store, CustomerIdentity.Email("ann@example.org"), "email:support");
        var other = await SeedContactAsync(store, CustomerIdentity.Telegram(5));

        await MergeAsync(store, absorbed.Customer, survivor.Customer.Id);

        Assert.Equal(survivor.Customer.Id, (await store.GetCustomerAsync(absorbed.Customer.Id, Ct))!.MergedInto);
        Assert.Null((await store.GetCustomerAsync(survivor.Customer.Id, Ct))!.MergedInto);
        Assert.Equal([absorbed.Customer.Id], await store.GetMergedCustomersAsync(survivor.Customer.Id, Ct));
        Assert.Empty(await store.GetMergedCustomersAsync(other.Customer.Id, Ct));
        Assert.Equal([survivor.Interaction.Id], (await store.GetInteractionsByCustomerAsync(survivor.Customer.Id, Ct)).Select(i => i.Id));
        Assert.Equal([absorbed.Interaction.Id], (await store.GetInteractionsByCustomerAsync(absorbed.Customer.Id, Ct)).Select(i => i.Id));
        Assert.Equal(absorbed.Customer.Id, await store.FindCustomerAsync(absorbed.Identity, Ct));
        Assert.IsType<InteractionCreatedEvent>(Assert.Single(await store.GetTimelineAsync(absorbed.Interaction.Id, Ct)));
    }

    /// <summary><c>CommitAsync</c>, customer unmerged: clears merged into and restores both histories.</summary>
    [Fact]
    public async Task CommitAsync_CustomerUnmerged_ClearsMergedIntoAndRestoresBothHistories()
    {
        var store = await NewStoreAsync();
        var survivor = await SeedContactAsync(store, CustomerIdentity.Phone("+4930111"));
        var absorbed = await SeedContactAsync(store, CustomerIdentity.Email("ann@example.org"), "email:support");
        var survivorBefore = await store.GetInteractionsByCustomerAsync(survivor.Customer.Id, Ct);
        var absorbedBefore = await store.GetInteractionsByCustomerAsync(absorbed.Customer.Id, Ct);
        await MergeAsync(store, absorbed.Customer, survivor.Customer.Id);

        await CommitAsync(store, c =>
        {
            c.Customers.Add(absorbed.Customer with { MergedInto = null });
            c.CustomerEvents.Add(new CustomerUnmergedEvent { Id = TimelineEventId.New(Now()), CustomerId = survivor.Customer.Id, Timestamp = Now(), Absorbed = absorbed.Customer.Id, Actor = "supervisor" });
        });

        Assert.Null((await store.GetCustomerAsync(absorbed.Customer.Id, Ct))!.MergedInto);
        Assert.Empty(await store.GetMergedCustomersAsync(survivor.Customer.Id, Ct));
        AssertDeepEqual(survivorBefore, await store.GetInteractionsByCustomerAsync(survivor.Customer.Id, Ct));
        AssertDeepEqual(absorbedBefore, await store.GetInteractionsByCustomerAsync(absorbed.Customer.Id, Ct));
        Assert.Equal([absorbed.Identity], await store.GetIdentitiesAsync(absorbed.Customer.Id, Ct));
        var trail = await store.GetCustomerEventsAsync(survivor.Customer.Id, Ct);
        Assert.Equal([typeof(CustomerCreatedEvent), typeof(CustomersMergedEvent), typeof(CustomerUnmergedEvent)], trail.Select(e => e.GetType()));
    }

    /// <summary><c>GetMergedCustomersAsync</c>, several merged then one moved elsewhere: lists only direct ones.</summary>
    [Fact]
    public async Task GetMergedCustomersAsync_SeveralMergedThenOneMovedElsewhere_ListsOnlyDirectOnes()
    {
        var store = await NewStoreAsync();
        var a = (await SeedContactAsync(store)).Customer;
        var b = (await SeedContactAsync(store)).Customer;
        var c1 = (await SeedContactAsync(store)).Customer;
        var d = (await SeedContactAsync(store)).Customer;
        await MergeAsync(store, b, a.Id);
        await MergeAsync(store, c1, a.Id);
        await MergeAsync(store, d, b.Id);

        Assert.Equal(new[] { b.Id, c1.Id }.OrderBy(i => i.Value), (await store.GetMergedCustomersAsync(a.Id, Ct)).OrderBy(i => i.Value));
        Assert.Equal([d.Id], await store.GetMergedCustomersAsync(b.Id, Ct));

        await MergeAsync(store, c1, d.Id);

        Assert.Equal([b.Id], await store.GetMergedCustomersAsync(a.Id, Ct));
        Assert.Equal([c1.Id], await store.GetMergedCustomersAsync(d.Id, Ct));
    }

    /// <summary><c>GetCustomerEventsAsync</c>, every event type: round trips in append order.</summary>
    [Fact]
    public async Task GetCustomerEventsAsync_EveryEventType_RoundTripsInAppendOrder()
    {
        var store = await NewStoreAsync();
        var ann = await SeedContactAsync(store, CustomerIdentity.Phone("+4930111"));
        var bob = await SeedContactAsync(store, CustomerIdentity.Phone("+4930222"));
        var id = ann.Customer.Id;
        var created = (await store.GetCustomerEventsAsync(id, Ct)).Single();
        CustomerEvent[] events =
        [
            new IdentityLinkedEvent { Id = TimelineEventId.New(Now()), CustomerId = id, Timestamp = Now(), Identity = CustomerIdentity.Email("a@b.c"), PreviousOwner = bob.Customer.Id, Actor = "anna" },
            new IdentityLinkedEvent { Id = TimelineEventId.New(Now()), CustomerId = id, Timestamp = Now(), Identity = CustomerIdentity.WebVisitor("v-1") },
            new CustomersMergedEvent { Id = TimelineEventId.New(Now()), CustomerId = id, Timestamp = Now(), Absorbed = bob.Customer.Id, Actor = "system" },
            new CustomerUnmergedEvent { Id = TimelineEventId.New(Now()), CustomerId = id, Timestamp = Now().ToOffset(TimeSpan.FromHours(9)), Absorbed = bob.Customer.Id },
        ];
        await CommitAsync(store, c => c.CustomerEvents.AddRange(events));

        var trail = await store.GetCustomerEventsAsync(id, Ct);

        AssertDeepEqual(new[] { created }.Concat(events).ToArray(), trail);
        var first = Assert.IsType<CustomerCreatedEvent>(trail[0]);
        Assert.Equal(ann.Identity, first.Identity);
        Assert.Single(await store.GetCustomerEventsAsync(bob.Customer.Id, Ct));
        Assert.Empty(await store.GetCustomerEventsAsync(CustomerId.New(T0), Ct));
    }

    /// <summary>Merges <paramref name="absorbed"/> into <paramref name="survivor"/> the way the hub does.</summary>
    protected async Task MergeAsync(IInteractionStore store, Customer absorbed, CustomerId survivor)
    {
        await CommitAsync(store, c =>
        {
            c.Customers.Add(absorbed with { MergedInto = survivor });
            c.CustomerEvents.Add(new CustomersMergedEvent { Id = TimelineEventId.New(Now()), CustomerId = survivor, Timestamp = Now(), Absorbed = absorbed.Id, Actor = "supervisor" });
        });
    }
}
