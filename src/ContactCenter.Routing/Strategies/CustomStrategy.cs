using ContactCenter.Routing.Internal;

namespace ContactCenter.Routing.Strategies;

internal sealed class CustomStrategy(string name, Action<AgentSelectedArguments>? onSelected, Func<AgentSnapshot, double> score)
    : AgentSelectionStrategy(name, onSelected)
{
    public override void ComputeKey(AgentRecord agent, int skillScore, long now, out long primary, out long secondary)
    {
        double s = score(agent.Snapshot(now, skillScore));
        primary = Sortable(double.IsNaN(s) ? double.MaxValue : -s);
        secondary = agent.IdleSince;
    }
}
