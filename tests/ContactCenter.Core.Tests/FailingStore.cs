using ContactCenter.Storage;

namespace ContactCenter.Core.Tests;

/// <summary>An in-memory store that can be told to fail or to hold its commits, for durability tests.</summary>
internal sealed class FailingStore : IInteractionStore
{
    private readonly InMemoryInteractionStore _inner = new();

    public bool FailCommits { get; set; }

    public TaskCompletionSource? CommitGate { get; set; }

    public int Commits { get; private set; }

    /// <summary>Completes when a commit has started (and, with <see cref="CommitGate"/> set, is held).</summary>
    public TaskCompletionSource CommitEntered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task CommitAsync(StoreChanges changes, CancellationToken cancellationToken)
    {
        CommitEntered.TrySetResult();
        if (CommitGate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        if (FailCommits)
        {
            throw new InteractionStoreException("disk full (simulated)");
        }

        await _inner.CommitAsync(changes, cancellationToken);
        Commits++;
    }

    public Task InitializeAsync(CancellationToken cancellationToken) => _inner.InitializeAsync(cancellationToken);

    public Task<Customer?> GetCustomerAsync(CustomerId id, CancellationToken cancellationToken) => _inner.GetCustomerAsync(id, cancellationToken);

    public Task<CustomerId?> FindCustomerAsync(CustomerIdentity identity, CancellationToken cancellationToken) => _inner.FindCustomerAsync(identity, cancellationToken);

    public Task<IReadOnlyList<CustomerIdentity>> GetIdentitiesAsync(CustomerId id, CancellationToken cancellationToken) => _inner.GetIdentitiesAsync(id, cancellationToken);

    public Task<IReadOnlyList<CustomerId>> GetMergedCustomersAsync(CustomerId id, CancellationToken cancellationToken) => _inner.GetMergedCustomersAsync(id, cancellationToken);

    public Task<Interaction?> GetInteractionAsync(InteractionId id, CancellationToken cancellationToken) => _inner.GetInteractionAsync(id, cancellationToken);

    public Task<Interaction?> FindOpenInteractionAsync(string channel, string conversationKey, CancellationToken cancellationToken) => _inner.FindOpenInteractionAsync(channel, conversationKey, cancellationToken);

    public Task<IReadOnlyList<Interaction>> GetInteractionsByCustomerAsync(CustomerId id, CancellationToken cancellationToken) => _inner.GetInteractionsByCustomerAsync(id, cancellationToken);

    public Task<IReadOnlyList<Interaction>> GetActiveInteractionsAsync(CancellationToken cancellationToken) => _inner.GetActiveInteractionsAsync(cancellationToken);

    public Task<IReadOnlyList<TimelineEvent>> GetTimelineAsync(InteractionId id, CancellationToken cancellationToken) => _inner.GetTimelineAsync(id, cancellationToken);

    public Task<IReadOnlyList<CustomerEvent>> GetCustomerEventsAsync(CustomerId id, CancellationToken cancellationToken) => _inner.GetCustomerEventsAsync(id, cancellationToken);

    public Task<IReadOnlyCollection<string>> FindInboundMessagesAsync(string channel, IReadOnlyCollection<string> externalIds, CancellationToken cancellationToken) => _inner.FindInboundMessagesAsync(channel, externalIds, cancellationToken);

    public Task<string?> GetCheckpointAsync(string channel, CancellationToken cancellationToken) => _inner.GetCheckpointAsync(channel, cancellationToken);
}
