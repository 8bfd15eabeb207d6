using ContactCenter.Storage;

namespace ContactCenter.Core.Hub;

/// <summary>
/// The changes one batch of hub commands makes: what to write (one store commit) and what to do once it is
/// durable (complete callers, notify agents, tell the router, send messages). Used by the hub loop only.
/// </summary>
internal sealed class HubTransaction
{
    private readonly Dictionary<InteractionId, Interaction> _interactions = [];

    public HubTransaction(DateTimeOffset now) => Now = now;

    public DateTimeOffset Now { get; }

    public StoreChanges Changes { get; } = new();

    public List<Action> AfterCommit { get; } = [];

    public Dictionary<CustomerId, Customer> Customers { get; } = [];

    public HashSet<(string Channel, string ExternalId)> InboundKeys { get; } = [];

    /// <summary>Inbound messages of this batch that the store already holds (looked up once for the batch).</summary>
    public HashSet<(string Channel, string ExternalId)> KnownInbound { get; } = [];

    /// <summary>Counts mutations, so a command that fails half-way can be told from one that failed before changing anything.</summary>
    public int Mutations { get; private set; }

    public bool IsEmpty => Changes.IsEmpty && _interactions.Count == 0;

    public void Append(TimelineEvent e)
    {
        Mutations++;
        Changes.Events.Add(e);
    }

    public void Append(CustomerEvent e)
    {
        Mutations++;
        Changes.CustomerEvents.Add(e);
    }

    public void Put(Interaction interaction)
    {
        Mutations++;
        _interactions[interaction.Id] = interaction;
    }

    public void Put(Customer customer)
    {
        Mutations++;
        Customers[customer.Id] = customer;
    }

    public void Own(CustomerIdentity identity, CustomerId customer)
    {
        Mutations++;
        Changes.Identities.Add(new(identity, customer));
    }

    public void RecordInboundKey(string channel, string externalId)
    {
        Mutations++;
        InboundKeys.Add((channel, externalId));
        Changes.InboundMessageKeys.Add(new(channel, externalId));
    }

    public void SetCheckpoint(string channel, string checkpoint)
    {
        Mutations++;
        Changes.Checkpoints[channel] = checkpoint;
    }

    public void After(Action action) => AfterCommit.Add(action);

    /// <summary>Moves the latest projection of each interaction and customer into <see cref="Changes"/>.</summary>
    public StoreChanges Seal()
    {
        Changes.Interactions.AddRange(_interactions.Values);
        Changes.Customers.AddRange(Customers.Values);
        return Changes;
    }
}
