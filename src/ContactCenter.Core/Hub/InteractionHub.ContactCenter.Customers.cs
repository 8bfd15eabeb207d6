namespace ContactCenter.Core.Hub;

internal sealed partial class InteractionHub
{
    public async Task<CustomerId?> FindCustomerAsync(CustomerIdentity identity, CancellationToken cancellationToken = default)
    {
        var owner = await _store.FindCustomerAsync(identity, cancellationToken).ConfigureAwait(false);
        return owner is { } id ? await RootAsync(id, cancellationToken).ConfigureAwait(false) : null;
    }

    public async Task<CustomerHistory> GetCustomerHistoryAsync(CustomerId customer, CancellationToken cancellationToken = default)
    {
        var root = await RootAsync(customer, cancellationToken).ConfigureAwait(false);
        var rootCustomer = await _store.GetCustomerAsync(root, cancellationToken).ConfigureAwait(false)
            ?? throw new ContactCenterException($"Customer {customer} does not exist.");
        var all = new List<CustomerId> { root };
        for (var i = 0; i < all.Count; i++)
        {
            all.AddRange(await _store.GetMergedCustomersAsync(all[i], cancellationToken).ConfigureAwait(false));
        }

        var identities = new List<CustomerIdentity>();
        var interactions = new List<Interaction>();
        foreach (var id in all)
        {
            identities.AddRange(await _store.GetIdentitiesAsync(id, cancellationToken).ConfigureAwait(false));
            interactions.AddRange(await _store.GetInteractionsByCustomerAsync(id, cancellationToken).ConfigureAwait(false));
        }

        interactions.Sort((a, b) => a.CreatedAt.CompareTo(b.CreatedAt));
        return new CustomerHistory(rootCustomer, all.Skip(1).ToArray(), identities, interactions);
    }

    public Task LinkIdentityAsync(CustomerId customer, CustomerIdentity identity, string? actor = null, CancellationToken cancellationToken = default)
        => ExecuteAsync(async tx =>
        {
            await RequireCustomerAsync(tx, customer).ConfigureAwait(false);
            var previous = await _store.FindCustomerAsync(identity, _stopping.Token).ConfigureAwait(false);
            if (previous == customer)
            {
                return true;
            }

            tx.Own(identity, customer);
            tx.Append(new IdentityLinkedEvent { Id = TimelineEventId.New(tx.Now), CustomerId = customer, Timestamp = tx.Now, Identity = identity, PreviousOwner = previous, Actor = actor });
            _identities[identity] = customer;
            return true;
        }, cancellationToken);

    public Task MergeCustomersAsync(CustomerId survivor, CustomerId absorbed, string? actor = null, CancellationToken cancellationToken = default)
        => ExecuteAsync(async tx =>
        {
            if (survivor == absorbed)
            {
                throw new ContactCenterException("A customer cannot be merged into itself.");
            }

            var target = await RequireCustomerAsync(tx, survivor).ConfigureAwait(false);
            var source = await RequireCustomerAsync(tx, absorbed).ConfigureAwait(false);
            if (source.MergedInto is { } already)
            {
                throw new ContactCenterException($"Customer {absorbed} is already merged into {already}; un-merge it first.");
            }

            // Refuse cycles: the survivor must not already lead (through merges) to the absorbed customer.
            for (var c = target; c.MergedInto is { } up;)
            {
                if (up == absorbed)
                {
                    throw new ContactCenterException($"Customer {survivor} is merged into {absorbed}; merging back would make a cycle.");
                }

                c = await RequireCustomerAsync(tx, up).ConfigureAwait(false);
            }

            tx.Put(source with { MergedInto = survivor });
            tx.Append(new CustomersMergedEvent { Id = TimelineEventId.New(tx.Now), CustomerId = survivor, Timestamp = tx.Now, Absorbed = absorbed, Actor = actor });
            tx.Append(new CustomersMergedEvent { Id = TimelineEventId.New(tx.Now), CustomerId = absorbed, Timestamp = tx.Now, Absorbed = absorbed, Actor = actor });
            return true;
        }, cancellationToken);

    public Task UnmergeCustomerAsync(CustomerId absorbed, string? actor = null, CancellationToken cancellationToken = default)
        => ExecuteAsync(async tx =>
        {
            var source = await RequireCustomerAsync(tx, absorbed).ConfigureAwait(false);
            if (source.MergedInto is not { } survivor)
            {
                throw new ContactCenterException($"Customer {absorbed} is not merged into anyone.");
            }

            tx.Put(source with { MergedInto = null });
            tx.Append(new CustomerUnmergedEvent { Id = TimelineEventId.New(tx.Now), CustomerId = survivor, Timestamp = tx.Now, Absorbed = absorbed, Actor = actor });
            tx.Append(new CustomerUnmergedEvent { Id = TimelineEventId.New(tx.Now), CustomerId = absorbed, Timestamp = tx.Now, Absorbed = absorbed, Actor = actor });
            return true;
        }, cancellationToken);

    private async ValueTask<Customer> RequireCustomerAsync(HubTransaction tx, CustomerId id)
    {
        if (tx.Customers.TryGetValue(id, out var pending))
        {
            return pending;
        }

        return await _store.GetCustomerAsync(id, _stopping.Token).ConfigureAwait(false)
            ?? throw new ContactCenterException($"Customer {id} does not exist.");
    }

    private async Task<CustomerId> RootAsync(CustomerId id, CancellationToken cancellationToken)
    {
        var current = id;
        for (var hops = 0; hops < 64; hops++)
        {
            var customer = await _store.GetCustomerAsync(current, cancellationToken).ConfigureAwait(false);
            if (customer?.MergedInto is not { } next)
            {
                return current;
            }

            current = next;
        }

        return current;
    }
}
