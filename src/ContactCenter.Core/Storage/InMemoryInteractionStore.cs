namespace ContactCenter.Storage;

/// <summary>
/// An <see cref="IInteractionStore"/> kept in process memory: for tests, samples and hosts that need no history
/// after a restart. Everything is lost when the instance is dropped.
/// </summary>
/// <remarks>
/// Thread-safe: every member may be called from any thread. A commit is validated in full before anything is
/// applied, and applied under one lock, so readers see all of a commit or none of it. Stored records are
/// immutable and the lists returned are copies, so callers can neither change the store's state nor see later
/// commits through them. Referential rules are the same as the durable stores': an identity, an interaction or a
/// customer event must name a customer that is stored or committed with it, a timeline event an interaction that
/// is stored or committed with it; timeline event ids, customer event ids and inbound message keys are unique; an
/// interaction's customer, channel, conversation key and creation time are fixed when it is first stored.
/// </remarks>
public sealed class InMemoryInteractionStore : IInteractionStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<CustomerId, Customer> _customers = [];
    private readonly Dictionary<CustomerId, HashSet<CustomerId>> _mergedInto = [];
    private readonly Dictionary<CustomerIdentity, CustomerId> _identityOwners = [];
    private readonly Dictionary<CustomerId, List<CustomerIdentity>> _identitiesByCustomer = [];
    private readonly Dictionary<InteractionId, StoredInteraction> _interactions = [];
    private readonly Dictionary<CustomerId, List<InteractionId>> _interactionsByCustomer = [];
    private readonly Dictionary<(string Channel, string ConversationKey), List<InteractionId>> _openByConversation = [];
    private readonly HashSet<InteractionId> _active = [];
    private readonly Dictionary<InteractionId, List<TimelineEvent>> _timelines = [];
    private readonly HashSet<TimelineEventId> _eventIds = [];
    private readonly Dictionary<CustomerId, List<CustomerEvent>> _customerEvents = [];
    private readonly HashSet<TimelineEventId> _customerEventIds = [];
    private readonly HashSet<(string Channel, string ExternalId)> _inboundKeys = [];
    private readonly Dictionary<string, string> _checkpoints = new(StringComparer.Ordinal);
    private long _nextSequence;

    /// <inheritdoc />
    /// <remarks>Nothing to create; completes at once. Calling it is optional for this store.</remarks>
    public Task InitializeAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task CommitAsync(StoreChanges changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        cancellationToken.ThrowIfCancellationRequested();
        if (changes.IsEmpty)
        {
            return Task.CompletedTask;
        }

        lock (_gate)
        {
            Validate(changes);
            Apply(changes);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<Customer?> GetCustomerAsync(CustomerId id, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(_customers.GetValueOrDefault(id));
        }
    }

    /// <inheritdoc />
    public Task<CustomerId?> FindCustomerAsync(CustomerIdentity identity, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (identity.Value is null)
        {
            return Task.FromResult<CustomerId?>(null);
        }

        lock (_gate)
        {
            return Task.FromResult(_identityOwners.TryGetValue(identity, out var owner) ? owner : (CustomerId?)null);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<CustomerIdentity>> GetIdentitiesAsync(CustomerId id, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(Copy(_identitiesByCustomer.GetValueOrDefault(id)));
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<CustomerId>> GetMergedCustomersAsync(CustomerId id, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_mergedInto.TryGetValue(id, out var absorbed) || absorbed.Count == 0)
            {
                return Task.FromResult<IReadOnlyList<CustomerId>>([]);
            }

            // Oldest customer first, so the answer does not depend on hash order.
            var result = absorbed.Select(a => _customers[a]).OrderBy(c => c.CreatedAt).ThenBy(c => c.Id.Value)
                .Select(c => c.Id).ToArray();
            return Task.FromResult<IReadOnlyList<CustomerId>>(result);
        }
    }

    /// <inheritdoc />
    public Task<Interaction?> GetInteractionAsync(InteractionId id, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(_interactions.TryGetValue(id, out var stored) ? stored.Value : null);
        }
    }

    /// <inheritdoc />
    /// <remarks>Should several be open, the most recently created one is returned.</remarks>
    public Task<Interaction?> FindOpenInteractionAsync(string channel, string conversationKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(conversationKey);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_openByConversation.TryGetValue((channel, conversationKey), out var open) || open.Count == 0)
            {
                return Task.FromResult<Interaction?>(null);
            }

            var newest = open.Select(id => _interactions[id]).MaxBy(s => (s.Value.CreatedAt, s.Sequence));
            return Task.FromResult<Interaction?>(newest!.Value);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Interaction>> GetInteractionsByCustomerAsync(CustomerId id, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_interactionsByCustomer.TryGetValue(id, out var ids) || ids.Count == 0)
            {
                return Task.FromResult<IReadOnlyList<Interaction>>([]);
            }

            return Task.FromResult(OldestFirst(ids));
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Interaction>> GetActiveInteractionsAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(OldestFirst(_active));
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<TimelineEvent>> GetTimelineAsync(InteractionId id, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(Copy(_timelines.GetValueOrDefault(id)));
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<CustomerEvent>> GetCustomerEventsAsync(CustomerId id, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(Copy(_customerEvents.GetValueOrDefault(id)));
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyCollection<string>> FindInboundMessagesAsync(string channel, IReadOnlyCollection<string> externalIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(externalIds);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            IReadOnlyCollection<string> found = externalIds.Where(id => id is not null && _inboundKeys.Contains((channel, id))).Distinct(StringComparer.Ordinal).ToArray();
            return Task.FromResult(found);
        }
    }

    /// <inheritdoc />
    public Task<string?> GetCheckpointAsync(string channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(_checkpoints.GetValueOrDefault(channel));
        }
    }

    private static bool IsValidKey(string s) => StoreKeys.IsValid(s);

    private static InteractionStoreException InvalidKey(string what, string value) => StoreKeys.Invalid(what, value);

    private static IReadOnlyList<T> Copy<T>(List<T>? list) => list is null || list.Count == 0 ? [] : list.ToArray();

    private IReadOnlyList<Interaction> OldestFirst(IEnumerable<InteractionId> ids)
        => ids.Select(id => _interactions[id]).OrderBy(s => s.Value.CreatedAt).ThenBy(s => s.Sequence)
            .Select(s => s.Value).ToArray();

    // Runs under _gate, before anything is applied: a commit that fails here leaves the store untouched.
    private void Validate(StoreChanges changes)
    {
        var newCustomers = new HashSet<CustomerId>();
        foreach (var customer in changes.Customers)
        {
            if (customer is null)
            {
                throw new InteractionStoreException("The commit contains a null customer.");
            }

            if (customer.MergedInto == customer.Id)
            {
                throw new InteractionStoreException($"Customer {customer.Id} cannot be merged into itself.");
            }

            newCustomers.Add(customer.Id);
        }

        bool CustomerKnown(CustomerId id) => newCustomers.Contains(id) || _customers.ContainsKey(id);

        foreach (var (identity, owner) in changes.Identities)
        {
            if (identity.Value is null)
            {
                throw new InteractionStoreException("The commit contains an empty customer identity.");
            }

            if (!IsValidKey(identity.Value) || !IsValidKey(identity.Kind.Name))
            {
                throw InvalidKey("Customer identity", identity.ToString());
            }

            if (!CustomerKnown(owner))
            {
                throw new InteractionStoreException($"Identity {identity} is linked to customer {owner}, which is not stored.");
            }
        }

        var newInteractions = new Dictionary<InteractionId, Interaction>();
        foreach (var interaction in changes.Interactions)
        {
            if (interaction is null)
            {
                throw new InteractionStoreException("The commit contains a null interaction.");
            }

            if (interaction.Channel is null || interaction.ConversationKey is null)
            {
                throw new InteractionStoreException($"Interaction {interaction.Id} has no channel or conversation key.");
            }

            if (!IsValidKey(interaction.Channel) || !IsValidKey(interaction.ConversationKey))
            {
                throw InvalidKey($"The channel or conversation key of interaction {interaction.Id}", interaction.Channel + "/" + interaction.ConversationKey);
            }

            var current = newInteractions.TryGetValue(interaction.Id, out var inCommit) ? inCommit
                : _interactions.TryGetValue(interaction.Id, out var stored) ? stored.Value : null;
            if (current is not null && (current.CustomerId != interaction.CustomerId || !string.Equals(current.Channel, interaction.Channel, StringComparison.Ordinal)
                || !string.Equals(current.ConversationKey, interaction.ConversationKey, StringComparison.Ordinal) || current.CreatedAt != interaction.CreatedAt))
            {
                throw new InteractionStoreException(
                    $"Interaction {interaction.Id} would change its customer, channel, conversation key or creation time; those are fixed when it is first stored.");
            }

            if (!CustomerKnown(interaction.CustomerId))
            {
                throw new InteractionStoreException(
                    $"Interaction {interaction.Id} belongs to customer {interaction.CustomerId}, which is not stored.");
            }

            newInteractions[interaction.Id] = interaction;
        }

        var eventIds = new HashSet<TimelineEventId>();
        foreach (var e in changes.Events)
        {
            if (e is null)
            {
                throw new InteractionStoreException("The commit contains a null timeline event.");
            }

            if (_eventIds.Contains(e.Id) || !eventIds.Add(e.Id))
            {
                throw new InteractionStoreException($"Timeline event {e.Id} is already stored; events are appended once.");
            }

            if (!newInteractions.ContainsKey(e.InteractionId) && !_interactions.ContainsKey(e.InteractionId))
            {
                throw new InteractionStoreException($"Timeline event {e.Id} belongs to interaction {e.InteractionId}, which is not stored.");
            }
        }

        var customerEventIds = new HashSet<TimelineEventId>();
        foreach (var e in changes.CustomerEvents)
        {
            if (e is null)
            {
                throw new InteractionStoreException("The commit contains a null customer event.");
            }

            if (_customerEventIds.Contains(e.Id) || !customerEventIds.Add(e.Id))
            {
                throw new InteractionStoreException($"Customer event {e.Id} is already stored; events are appended once.");
            }

            if (!CustomerKnown(e.CustomerId))
            {
                throw new InteractionStoreException($"Customer event {e.Id} belongs to customer {e.CustomerId}, which is not stored.");
            }
        }

        var inboundKeys = new HashSet<(string, string)>();
        foreach (var (channel, externalId) in changes.InboundMessageKeys)
        {
            if (channel is null || externalId is null)
            {
                throw new InteractionStoreException("The commit contains an inbound message key without a channel or an id.");
            }

            if (!IsValidKey(channel) || !IsValidKey(externalId))
            {
                throw InvalidKey($"Inbound message id of channel '{channel}'", externalId);
            }

            if (_inboundKeys.Contains((channel, externalId)) || !inboundKeys.Add((channel, externalId)))
            {
                throw new InteractionStoreException(
                    $"Inbound message '{externalId}' of channel '{channel}' is already stored; a redelivery must be dropped, not stored again.");
            }
        }

        foreach (var (channel, position) in changes.Checkpoints)
        {
            if (position is null)
            {
                throw new InteractionStoreException($"The checkpoint of channel '{channel}' is null.");
            }

            if (!IsValidKey(channel) || !IsValidKey(position))
            {
                throw InvalidKey($"The checkpoint of channel '{channel}'", position);
            }
        }
    }

    // Runs under _gate after Validate; nothing here can fail on valid input.
    private void Apply(StoreChanges changes)
    {
        foreach (var customer in changes.Customers)
        {
            if (_customers.TryGetValue(customer.Id, out var previous) && previous.MergedInto is { } oldTarget)
            {
                _mergedInto[oldTarget].Remove(customer.Id);
            }

            _customers[customer.Id] = customer;
            if (customer.MergedInto is { } target)
            {
                if (!_mergedInto.TryGetValue(target, out var absorbed))
                {
                    _mergedInto[target] = absorbed = [];
                }

                absorbed.Add(customer.Id);
            }
        }

        foreach (var (identity, owner) in changes.Identities)
        {
            if (_identityOwners.TryGetValue(identity, out var previousOwner))
            {
                if (previousOwner == owner)
                {
                    continue;
                }

                _identitiesByCustomer[previousOwner].Remove(identity);
            }

            _identityOwners[identity] = owner;
            if (!_identitiesByCustomer.TryGetValue(owner, out var identities))
            {
                _identitiesByCustomer[owner] = identities = [];
            }

            identities.Add(identity);
        }

        foreach (var interaction in changes.Interactions)
        {
            ApplyInteraction(interaction);
        }

        foreach (var e in changes.Events)
        {
            _eventIds.Add(e.Id);
            if (!_timelines.TryGetValue(e.InteractionId, out var timeline))
            {
                _timelines[e.InteractionId] = timeline = [];
            }

            timeline.Add(e);
        }

        foreach (var e in changes.CustomerEvents)
        {
            _customerEventIds.Add(e.Id);
            if (!_customerEvents.TryGetValue(e.CustomerId, out var trail))
            {
                _customerEvents[e.CustomerId] = trail = [];
            }

            trail.Add(e);
        }

        foreach (var (channel, externalId) in changes.InboundMessageKeys)
        {
            _inboundKeys.Add((channel, externalId));
        }

        foreach (var (channel, position) in changes.Checkpoints)
        {
            _checkpoints[channel] = position;
        }
    }

    private void ApplyInteraction(Interaction interaction)
    {
        long sequence;
        if (_interactions.TryGetValue(interaction.Id, out var previous))
        {
            sequence = previous.Sequence;
            if (!previous.Value.IsEnded)
            {
                RemoveOpen(previous.Value);
            }
        }
        else
        {
            sequence = _nextSequence++;
            AddToCustomer(interaction);
        }

        _interactions[interaction.Id] = new StoredInteraction(interaction, sequence);
        if (interaction.IsEnded)
        {
            _active.Remove(interaction.Id);
        }
        else
        {
            _active.Add(interaction.Id);
            var key = (interaction.Channel, interaction.ConversationKey);
            if (!_openByConversation.TryGetValue(key, out var open))
            {
                _openByConversation[key] = open = [];
            }

            open.Add(interaction.Id);
        }
    }

    private void AddToCustomer(Interaction interaction)
    {
        if (!_interactionsByCustomer.TryGetValue(interaction.CustomerId, out var ids))
        {
            _interactionsByCustomer[interaction.CustomerId] = ids = [];
        }

        ids.Add(interaction.Id);
    }

    private void RemoveOpen(Interaction interaction)
    {
        var key = (interaction.Channel, interaction.ConversationKey);
        if (_openByConversation.TryGetValue(key, out var open))
        {
            open.Remove(interaction.Id);
            if (open.Count == 0)
            {
                _openByConversation.Remove(key);
            }
        }
    }

    // Sequence is the order of first insertion: the tie-breaker for "oldest first" among equal timestamps.
    private sealed record StoredInteraction(Interaction Value, long Sequence);
}
