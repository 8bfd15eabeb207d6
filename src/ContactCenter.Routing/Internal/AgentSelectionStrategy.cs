namespace ContactCenter.Routing.Internal;

/// <summary>
/// Orders the available agents of a pool: each agent gets a key (lower is better) whenever its state changes,
/// and the pool keeps them in a heap by that key, so picking the best agent is O(1) and updating one O(log n).
/// </summary>
internal abstract class AgentSelectionStrategy
{
    protected AgentSelectionStrategy(string name, Action<AgentSelectedArguments>? onSelected)
    {
        Name = name;
        OnSelected = onSelected;
    }

    public string Name { get; }

    public Action<AgentSelectedArguments>? OnSelected { get; }

    /// <summary>How many agents one interaction is offered to at once (ring-all &gt; 1).</summary>
    public virtual int RingCount => 1;

    /// <summary>Computes the agent's key in a pool whose requirements give it <paramref name="skillScore"/>; lower is better.</summary>
    public abstract void ComputeKey(AgentRecord agent, int skillScore, long now, out long primary, out long secondary);

    /// <summary>Maps a double to a long with the same order.</summary>
    protected static long Sortable(double value)
    {
        long bits = BitConverter.DoubleToInt64Bits(value);
        return bits >= 0 ? bits : bits ^ long.MaxValue;
    }
}
