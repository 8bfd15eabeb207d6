using ContactCenter.Routing.Internal;

namespace ContactCenter.Routing.Strategies;

internal sealed class LeastTalkTimeStrategy(string name, Action<AgentSelectedArguments>? onSelected)
    : AgentSelectionStrategy(name, onSelected)
{
    public override void ComputeKey(AgentRecord agent, int skillScore, long now, out long primary, out long secondary)
    {
        primary = agent.TalkTicks;
        secondary = agent.IdleSince;
    }
}
