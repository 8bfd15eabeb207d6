using ContactCenter.Routing.Internal;

namespace ContactCenter.Routing.Strategies;

internal sealed class RingAllStrategy(string name, Action<AgentSelectedArguments>? onSelected, int maxAgents)
    : AgentSelectionStrategy(name, onSelected)
{
    public override int RingCount => maxAgents;

    public override void ComputeKey(AgentRecord agent, int skillScore, long now, out long primary, out long secondary)
    {
        primary = agent.IdleSince;
        secondary = 0;
    }
}
