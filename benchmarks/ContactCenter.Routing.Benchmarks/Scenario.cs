namespace ContactCenter.Routing.Benchmarks;

/// <summary>One point of the benchmark matrix.</summary>
/// <param name="Agents">Agents (all voice, capacity 1).</param>
/// <param name="Skills">Distinct skills; queue q requires skill q mod Skills, each agent holds two.</param>
/// <param name="Queues">Queues.</param>
/// <param name="Waiting">Interactions kept waiting in the agent-freed benchmarks.</param>
public sealed record Case(int Agents, int Skills, int Queues, int Waiting)
{
    /// <summary>The representative combinations (not the full cartesian product, to keep the run under 15 minutes).</summary>
    public static IEnumerable<Case> Matrix() =>
    [
        new(100, 1, 1, 1_000),
        new(1_000, 64, 100, 50_000),
        new(15_000, 256, 5_000, 500_000),
        new(15_000, 1, 5_000, 500_000),
    ];

    /// <summary>The cases with at least two queues, for the two-producer runs.</summary>
    public static IEnumerable<Case> TwoProducerMatrix() =>
    [
        new(1_000, 64, 100, 50_000),
        new(15_000, 256, 5_000, 500_000),
    ];

    /// <summary>Short enough for BenchmarkDotNet's 20-character parameter column; the backlog follows from the case.</summary>
    public override string ToString() => $"{Agents}a/{Skills}s/{Queues}q";

    public int[] SkillsOf(int agent) =>
        Skills == 1 ? [0] : [agent % Skills, ((agent * 7) + 3) % Skills == agent % Skills ? (agent + 1) % Skills : ((agent * 7) + 3) % Skills];

    public int SkillOf(int queue) => queue % Skills;

    /// <summary>Tenant (0-based) of an agent or queue when the work is split in <paramref name="partitions"/> producers.</summary>
    public static int Partition(int index, int partitions) => index % partitions;

    /// <summary>Queues of a partition, for producers that only feed their own partition.</summary>
    public int[] QueuesOf(int partition, int partitions) =>
        [.. Enumerable.Range(0, Queues).Where(q => Partition(q, partitions) == partition)];
}

/// <summary>What both the engine and the lock-based twin offer to the benchmark drivers.</summary>
internal interface IRouter : IDisposable
{
    /// <summary>Offers made, one inbox per producer partition.</summary>
    OfferInbox[] Inboxes { get; }

    void Enqueue(long interaction, int queue);

    bool Accept(long offer);

    void Complete(long interaction);
}

/// <summary>
/// Single-producer single-consumer hand-off of offers from the router's callback to the producer thread that
/// owns the partition. The callback side is serialised by the router (one call at a time, with fences).
/// </summary>
internal sealed class OfferInbox
{
    private readonly (long Offer, long Interaction, int Agent)[] _items = new (long, long, int)[1 << 16];
    private long _head;
    private long _tail;

    public void Push(long offer, long interaction, int agent)
    {
        long t = _tail;
        _items[t & (_items.Length - 1)] = (offer, interaction, agent);
        Volatile.Write(ref _tail, t + 1);
    }

    public bool TryPop(out (long Offer, long Interaction, int Agent) item)
    {
        if (_head == Volatile.Read(ref _tail))
        {
            item = default;
            return false;
        }

        item = _items[_head & (_items.Length - 1)];
        _head++;
        return true;
    }
}
