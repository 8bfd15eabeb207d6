namespace ContactCenter.Storage;

/// <summary>
/// Durable history: customers and their identities, interactions (projections), their append-only
/// timelines, customer audit trails and channel checkpoints. Every implementation passes the store
/// conformance kit. All members are thread-safe.
/// </summary>
public interface IInteractionStore
{
    /// <summary>Creates the schema if needed. Called once at start before anything else.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Writes every change in <paramref name="changes"/> atomically: all of it or none of it.</summary>
    /// <exception cref="InteractionStoreException">The write failed; nothing was written.</exception>
    Task CommitAsync(StoreChanges changes, CancellationToken cancellationToken);

    /// <summary>The customer with this id, or <see langword="null"/>.</summary>
    Task<Customer?> GetCustomerAsync(CustomerId id, CancellationToken cancellationToken);

    /// <summary>The customer that directly owns <paramref name="identity"/> (merges not followed), or <see langword="null"/>.</summary>
    Task<CustomerId?> FindCustomerAsync(CustomerIdentity identity, CancellationToken cancellationToken);

    /// <summary>The identities a customer directly owns.</summary>
    Task<IReadOnlyList<CustomerIdentity>> GetIdentitiesAsync(CustomerId id, CancellationToken cancellationToken);

    /// <summary>The customers directly merged into <paramref name="id"/>.</summary>
    Task<IReadOnlyList<CustomerId>> GetMergedCustomersAsync(CustomerId id, CancellationToken cancellationToken);

    /// <summary>The interaction with this id, or <see langword="null"/>.</summary>
    Task<Interaction?> GetInteractionAsync(InteractionId id, CancellationToken cancellationToken);

    /// <summary>The interaction in <paramref name="channel"/> with this conversation key that has not ended, or <see langword="null"/>.</summary>
    Task<Interaction?> FindOpenInteractionAsync(string channel, string conversationKey, CancellationToken cancellationToken);

    /// <summary>The interactions a customer directly owns, oldest first.</summary>
    Task<IReadOnlyList<Interaction>> GetInteractionsByCustomerAsync(CustomerId id, CancellationToken cancellationToken);

    /// <summary>Every interaction that has not ended, oldest first (used to recover after a restart).</summary>
    Task<IReadOnlyList<Interaction>> GetActiveInteractionsAsync(CancellationToken cancellationToken);

    /// <summary>An interaction's timeline in the order it was appended.</summary>
    Task<IReadOnlyList<TimelineEvent>> GetTimelineAsync(InteractionId id, CancellationToken cancellationToken);

    /// <summary>A customer's audit trail in the order it was appended.</summary>
    Task<IReadOnlyList<CustomerEvent>> GetCustomerEventsAsync(CustomerId id, CancellationToken cancellationToken);

    /// <summary>
    /// Which of <paramref name="externalIds"/> (channel message ids) were stored before for <paramref name="channel"/>:
    /// one look-up for a whole batch of inbound messages, so that redeliveries are recognised as duplicates.
    /// </summary>
    Task<IReadOnlyCollection<string>> FindInboundMessagesAsync(string channel, IReadOnlyCollection<string> externalIds, CancellationToken cancellationToken);

    /// <summary>The last checkpoint stored for a channel, or <see langword="null"/>.</summary>
    Task<string?> GetCheckpointAsync(string channel, CancellationToken cancellationToken);
}
