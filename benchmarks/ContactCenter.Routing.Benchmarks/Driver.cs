namespace ContactCenter.Routing.Benchmarks;

/// <summary>
/// Plays the host for one producer partition: enqueues, accepts every offer made to the partition's agents,
/// completes work. Each cycle produces one routing decision.
/// </summary>
internal sealed class Driver
{
    private readonly IRouter _router;
    private readonly OfferInbox _inbox;
    private readonly int[] _queues;
    private readonly int[] _agents;
    private readonly long[] _current;
    private long _nextId;
    private int _nextQueue;
    private int _nextAgent;
    private ulong _random;

    /// <summary>When set, the duration (Stopwatch ticks) of each decision-making call is recorded here.</summary>
    public long[]? Samples { get; set; }

    public int SampleCount { get; set; }

    public Driver(IRouter router, Case c, int partition, int partitions)
    {
        _router = router;
        _inbox = router.Inboxes[partition];
        _queues = c.QueuesOf(partition, partitions);
        _agents = [.. Enumerable.Range(0, c.Agents).Where(a => Case.Partition(a, partitions) == partition)];
        _current = new long[c.Agents];
        _nextId = ((long)partition + 1) << 40;
        _random = 0x9E3779B97F4A7C15UL + (ulong)partition;
    }

    /// <summary>New-interaction path: enqueue (decision: best available agent), accept, complete (agent back to the pool).</summary>
    public void NewInteractionCycles(int cycles)
    {
        for (int i = 0; i < cycles; i++)
        {
            if (Samples is { } samples && SampleCount < samples.Length)
            {
                long t0 = System.Diagnostics.Stopwatch.GetTimestamp();
                _router.Enqueue(++_nextId, _queues[_nextQueue]);
                samples[SampleCount++] = System.Diagnostics.Stopwatch.GetTimestamp() - t0;
            }
            else
            {
                _router.Enqueue(++_nextId, _queues[_nextQueue]);
            }

            if (++_nextQueue == _queues.Length)
            {
                _nextQueue = 0;
            }

            while (_inbox.TryPop(out var offer))
            {
                if (_router.Accept(offer.Offer))
                {
                    _router.Complete(offer.Interaction);
                }
            }
        }
    }

    /// <summary>
    /// Agent-freed path with every agent busy and a standing backlog: complete an agent's work (decision: best
    /// waiting interaction across its queues), accept the offer, enqueue a new interaction to keep the backlog
    /// constant (one in for one out).
    /// </summary>
    public void AgentFreedCycles(int cycles)
    {
        for (int i = 0; i < cycles; i++)
        {
            // The next agent that holds work (another producer's loop may still be delivering an offer).
            int agent = -1;
            for (int tries = 0; tries < _agents.Length && agent < 0; tries++)
            {
                int candidate = _agents[_nextAgent];
                if (++_nextAgent == _agents.Length)
                {
                    _nextAgent = 0;
                }

                if (_current[candidate] != 0)
                {
                    agent = candidate;
                }
            }

            if (agent < 0)
            {
                AcceptAll();
                continue;
            }

            long current = _current[agent];
            _current[agent] = 0;
            if (Samples is { } samples && SampleCount < samples.Length)
            {
                long t0 = System.Diagnostics.Stopwatch.GetTimestamp();
                _router.Complete(current);
                samples[SampleCount++] = System.Diagnostics.Stopwatch.GetTimestamp() - t0;
            }
            else
            {
                _router.Complete(current);
            }

            AcceptAll();
            _router.Enqueue(++_nextId, _queues[(int)(Next() % (ulong)_queues.Length)]);
            AcceptAll();
        }
    }

    /// <summary>Makes every agent busy and leaves about <paramref name="waiting"/> interactions waiting.</summary>
    public void Prefill(int waiting)
    {
        int total = _agents.Length + waiting;
        for (int i = 0; i < total; i++)
        {
            _router.Enqueue(++_nextId, _queues[(int)(Next() % (ulong)_queues.Length)]);
            AcceptAll();
        }
    }

    public int BusyAgents => _agents.Count(a => _current[a] != 0);

    private void AcceptAll()
    {
        while (_inbox.TryPop(out var offer))
        {
            if (_router.Accept(offer.Offer))
            {
                _current[offer.Agent] = offer.Interaction;
            }
        }
    }

    private ulong Next()
    {
        _random ^= _random >> 12;
        _random ^= _random << 25;
        _random ^= _random >> 27;
        return _random * 2685821657736338717UL;
    }
}
