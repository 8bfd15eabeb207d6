using System.Globalization;
using System.Text;

namespace ContactCenter;

/// <summary>Which rule of the router produced an offer.</summary>
public enum RoutingDecisionRule
{
    /// <summary>A new (or returned, or escalated) interaction found the best available agent.</summary>
    BestAgentForInteraction,

    /// <summary>An agent with free capacity took the best waiting interaction across its queues.</summary>
    BestInteractionForAgent,

    /// <summary>The interaction went to its preferred agent, who meets the queue's requirements.</summary>
    PreferredAgent,
}

/// <summary>
/// Why the router offered an interaction to an agent, as the router knows it. Carried from the router to the
/// agent's offer (<c>OfferNotification.Decision</c>) and onto the timeline (<see cref="RoutingDecisionEvent"/>);
/// <see cref="ToString"/> says it in a sentence for people.
/// </summary>
public sealed record RoutingDecision
{
    /// <summary>The rule that produced the offer.</summary>
    public required RoutingDecisionRule Rule { get; init; }

    /// <summary>The agent-selection strategy of the queue, for example <c>longest-idle</c> or <c>round-robin</c>.</summary>
    public string? Strategy { get; init; }

    /// <summary>The queue the interaction waited in, if the router says.</summary>
    public QueueId? Queue { get; init; }

    /// <summary>
    /// Candidates compared: available eligible agents for <see cref="RoutingDecisionRule.BestAgentForInteraction"/>,
    /// interactions at the head of the agent's queues for <see cref="RoutingDecisionRule.BestInteractionForAgent"/>.
    /// </summary>
    public int Candidates { get; init; }

    /// <summary>
    /// The winner's score (higher is better; its scale depends on the rule and strategy: for
    /// <see cref="RoutingDecisionRule.BestInteractionForAgent"/> it is the queue weight times the seconds waited).
    /// <see langword="null"/> when the rule has no score.
    /// </summary>
    public double? Score { get; init; }

    /// <summary>The best loser's score, or <see langword="null"/> when there was no other candidate.</summary>
    public double? RunnerUpScore { get; init; }

    /// <summary>Escalation steps applied to the interaction when it was offered (0 = none).</summary>
    public int EscalationStep { get; init; }

    /// <summary>Whether other agents got the same offer at the same time (the first to accept gets it).</summary>
    public bool RingAll { get; init; }

    /// <summary>The decision in a sentence, for an agent or a supervisor (scores stay in the typed properties).</summary>
    /// <returns>For example "Chosen by the longest-idle strategy from 3 available agents in queue sales."</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        switch (Rule)
        {
            case RoutingDecisionRule.PreferredAgent:
                text.Append("Offered to the interaction's preferred agent");
                break;
            case RoutingDecisionRule.BestInteractionForAgent:
                text.Append("The agent had free capacity and this interaction had waited longest of ")
                    .Append(Count(Candidates, "interaction", "interactions")).Append(" at the head of the agent's queues");
                break;
            default:
                text.Append("Chosen by the ").Append(Strategy ?? "queue's").Append(" strategy from ")
                    .Append(Count(Candidates, "available agent", "available agents"));
                break;
        }

        if (Queue is { } queue)
        {
            text.Append(" in queue ").Append(queue.Value);
        }

        if (EscalationStep > 0)
        {
            text.Append(", after escalation step ").Append(EscalationStep.ToString(CultureInfo.InvariantCulture));
        }

        if (RingAll)
        {
            text.Append("; offered to several agents at once, the first to accept gets it");
        }

        return text.Append('.').ToString();
    }

    private static string Count(int n, string one, string many)
        => n.ToString(CultureInfo.InvariantCulture) + " " + (n == 1 ? one : many);
}

/// <summary>The router offered the interaction to an agent, and why (one event per agent offered).</summary>
public sealed record RoutingDecisionEvent : TimelineEvent
{
    /// <summary>The agent the interaction was offered to.</summary>
    public required AgentId Agent { get; init; }

    /// <summary>Why this agent.</summary>
    public required RoutingDecision Decision { get; init; }

    /// <inheritdoc />
    public override string ToString() => Sentence($"routed to agent {Agent}. {Decision}");
}
