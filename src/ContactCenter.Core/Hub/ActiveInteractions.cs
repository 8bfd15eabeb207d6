namespace ContactCenter.Core.Hub;

/// <summary>
/// The interactions that are not ended, as the loop that writes them sees them: by id, by (channel, conversation key),
/// who holds an offer of each, since when each waits in its queue, and counts by state. Touched only by commands on
/// the loop that owns it (a partition's single writer); the counters may be read from any thread.
/// </summary>
internal sealed class ActiveInteractions
{
    private readonly Dictionary<InteractionId, Interaction> _byId = [];
    private readonly Dictionary<(string Channel, string Key), InteractionId> _openByKey = [];
    private readonly Dictionary<InteractionId, DateTimeOffset> _waitingSince = [];
    private readonly int[] _stateCounts = new int[Enum.GetValues<InteractionState>().Length];
    private long _closed;
    private long _abandoned;

    /// <summary>The agents each offered interaction is offered to (several with ring-all).</summary>
    public Dictionary<InteractionId, HashSet<AgentId>> OfferedTo { get; } = [];

    public IEnumerable<Interaction> All => _byId.Values;

    public long Closed => Interlocked.Read(ref _closed);

    public long Abandoned => Interlocked.Read(ref _abandoned);

    public int Count(InteractionState state) => Volatile.Read(ref _stateCounts[(int)state]);

    public bool TryGetValue(InteractionId id, out Interaction interaction) => _byId.TryGetValue(id, out interaction!);

    public Interaction? GetValueOrDefault(InteractionId id) => _byId.GetValueOrDefault(id);

    public bool TryGetOpen(string channel, string conversationKey, out InteractionId id) => _openByKey.TryGetValue((channel, conversationKey), out id);

    /// <summary>Since when a queued or offered interaction waits in its current queue.</summary>
    public DateTimeOffset? WaitingSince(InteractionId id) => _waitingSince.TryGetValue(id, out var since) ? since : null;

    public bool IsOfferedTo(InteractionId interaction, AgentId agent)
        => OfferedTo.TryGetValue(interaction, out var agents) && agents.Contains(agent);

    /// <summary>Replaces the view with what the store holds (start, or after a failed commit).</summary>
    public void Load(IReadOnlyList<Interaction> active)
    {
        Array.Clear(_stateCounts);
        _byId.Clear();
        OfferedTo.Clear();
        _openByKey.Clear();
        _waitingSince.Clear();
        foreach (var interaction in active)
        {
            _byId[interaction.Id] = interaction;
            _openByKey[(interaction.Channel, interaction.ConversationKey)] = interaction.Id;
            _stateCounts[(int)interaction.State]++;
            if (IsWaiting(interaction.State))
            {
                // The store keeps no "queued since"; its last change is the closest it knows.
                _waitingSince[interaction.Id] = interaction.UpdatedAt;
            }
        }
    }

    /// <summary>Puts a projection in the transaction and in this view; returns it with its new version.</summary>
    public Interaction Put(HubTransaction tx, Interaction interaction)
    {
        var previous = _byId.GetValueOrDefault(interaction.Id);
        interaction = interaction with { Version = (previous?.Version ?? interaction.Version) + 1 };
        tx.Put(interaction);
        if (previous is null || previous.State != interaction.State)
        {
            if (previous is not null)
            {
                Interlocked.Decrement(ref _stateCounts[(int)previous.State]);
            }

            Interlocked.Increment(ref _stateCounts[(int)interaction.State]);
            if (interaction.State == InteractionState.Closed && previous is not null)
            {
                tx.After(() => Interlocked.Increment(ref _closed));
            }
            else if (interaction.State == InteractionState.Abandoned && previous is not null)
            {
                tx.After(() => Interlocked.Increment(ref _abandoned));
            }
        }

        if (IsWaiting(interaction.State))
        {
            // The wait restarts when it enters a queue or moves to another (transfer, overflow); an offer does not reset it.
            if (previous is null || !IsWaiting(previous.State) || previous.Queue != interaction.Queue)
            {
                _waitingSince[interaction.Id] = tx.Now;
            }
        }
        else
        {
            _waitingSince.Remove(interaction.Id);
        }

        if (interaction.IsEnded)
        {
            _byId.Remove(interaction.Id);
            _openByKey.Remove((interaction.Channel, interaction.ConversationKey));
            Interlocked.Decrement(ref _stateCounts[(int)interaction.State]);
        }
        else
        {
            _byId[interaction.Id] = interaction;
            _openByKey[(interaction.Channel, interaction.ConversationKey)] = interaction.Id;
        }

        return interaction;
    }

    private static bool IsWaiting(InteractionState state) => state is InteractionState.Queued or InteractionState.Offered;
}
