namespace ContactCenter.Storage;

/// <summary>
/// A set of changes written atomically by <see cref="IInteractionStore.CommitAsync"/>. Not thread-safe: one
/// writer fills it, then commits it.
/// </summary>
public sealed class StoreChanges
{
    /// <summary>Customers to insert or replace.</summary>
    public List<Customer> Customers { get; } = [];

    /// <summary>Identity ownership to insert or replace.</summary>
    public List<KeyValuePair<CustomerIdentity, CustomerId>> Identities { get; } = [];

    /// <summary>Interaction projections to insert or replace.</summary>
    public List<Interaction> Interactions { get; } = [];

    /// <summary>Timeline events to append, in order. An event whose id is already stored is an error.</summary>
    public List<TimelineEvent> Events { get; } = [];

    /// <summary>Customer audit events to append, in order.</summary>
    public List<CustomerEvent> CustomerEvents { get; } = [];

    /// <summary>Channel ids of inbound messages, recorded so that a redelivery is recognised as a duplicate.</summary>
    public List<KeyValuePair<string, string>> InboundMessageKeys { get; } = [];

    /// <summary>Channel checkpoints to store (channel name → position), in the same transaction as the messages they cover.</summary>
    public Dictionary<string, string> Checkpoints { get; } = new(StringComparer.Ordinal);

    /// <summary>Whether there is nothing to write.</summary>
    public bool IsEmpty => Customers.Count == 0 && Identities.Count == 0 && Interactions.Count == 0 && Events.Count == 0
        && CustomerEvents.Count == 0 && InboundMessageKeys.Count == 0 && Checkpoints.Count == 0;

    /// <summary>Empties every list so the instance can be reused.</summary>
    public void Clear()
    {
        Customers.Clear();
        Identities.Clear();
        Interactions.Clear();
        Events.Clear();
        CustomerEvents.Clear();
        InboundMessageKeys.Clear();
        Checkpoints.Clear();
    }
}
