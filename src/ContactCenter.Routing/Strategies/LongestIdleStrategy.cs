using ContactCenter.Routing.Internal;

namespace ContactCenter.Routing.Strategies;

internal sealed class LongestIdleStrategy(string name, Action<AgentSelectedArguments>? onSelected)
    : AgentSelectionStrategy(name, onSelected)
{
    public override void ComputeKey(AgentRecord agent, int skillScore, long now, out long primary, out long secondary)
    {
        primary = agent.IdleSince;
        secondary = 0;
    }
}
