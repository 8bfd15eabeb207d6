using ContactCenter.Routing.Internal;

namespace ContactCenter.Routing.Strategies;

/// <summary>
/// Weighted random as a race of Poisson clocks: each agent's key is its next arrival on a virtual time line,
/// drawn as (virtual now + Exp(weight)). The smallest key wins; by memorylessness the winner is agent i with
/// probability weight_i / Σ weights, while losers keep their keys, so a decision stays one heap pop.
/// </summary>
internal sealed class WeightedRandomStrategy(string name, Action<AgentSelectedArguments>? onSelected, int seed)
    : AgentSelectionStrategy(name, onSelected)
{
    // Only the matching loop calls ComputeKey, so unsynchronised state is safe.
    private ulong _state = ((ulong)seed * 0x9E3779B97F4A7C15UL) | 1;
    private double _virtualNow;

    public override void ComputeKey(AgentRecord agent, int skillScore, long now, out long primary, out long secondary)
    {
        if (agent.RandomSequence != agent.LastOfferSequence)
        {
            // The agent won (or is new): virtual time moves to its winning arrival and it draws its next one.
            _virtualNow = Math.Max(_virtualNow, agent.RandomKey);
            agent.RandomKey = _virtualNow + Draw(agent.Weight);
            agent.RandomSequence = agent.LastOfferSequence;
        }
        else if (agent.RandomKey < _virtualNow)
        {
            // Back after being unavailable: its old arrival is in the past, so it draws afresh from now.
            agent.RandomKey = _virtualNow + Draw(agent.Weight);
        }

        primary = Sortable(agent.RandomKey);
        secondary = agent.Index;
    }

    private double Draw(double weight)
    {
        double u = (NextUInt64() >> 11) * (1.0 / (1UL << 53));
        return -Math.Log(1 - u) / weight;
    }

    private ulong NextUInt64()
    {
        // xorshift64*: tiny, fast and good enough for load spreading.
        _state ^= _state >> 12;
        _state ^= _state << 25;
        _state ^= _state >> 27;
        return _state * 2685821657736338717UL;
    }
}
