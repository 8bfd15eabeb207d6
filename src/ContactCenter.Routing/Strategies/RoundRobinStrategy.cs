using ContactCenter.Routing.Internal;

namespace ContactCenter.Routing.Strategies;

internal sealed class RoundRobinStrategy(string name, Action<AgentSelectedArguments>? onSelected)
    : AgentSelectionStrategy(name, onSelected)
{
    public override void ComputeKey(AgentRecord agent, int skillScore, long now, out long primary, out long secondary)
    {
        // The engine-wide offer sequence is the memory: it survives across queues and across decisions.
        primary = agent.LastOfferSequence;
        secondary = agent.Index;
    }
}
