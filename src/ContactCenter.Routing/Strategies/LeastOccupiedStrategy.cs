using ContactCenter.Routing.Internal;

namespace ContactCenter.Routing.Strategies;

internal sealed class LeastOccupiedStrategy(string name, Action<AgentSelectedArguments>? onSelected)
    : AgentSelectionStrategy(name, onSelected)
{
    public override void ComputeKey(AgentRecord agent, int skillScore, long now, out long primary, out long secondary)
    {
        // Occupancy in parts per million keeps the comparison integral and exact enough.
        primary = agent.TotalCapacity == 0 ? long.MaxValue : agent.TotalLoad * 1_000_000L / agent.TotalCapacity;
        secondary = agent.IdleSince;
    }
}
