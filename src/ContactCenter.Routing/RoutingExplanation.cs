namespace ContactCenter.Routing;

/// <summary>
/// Why an offer was made: the rule, the strategy, how many candidates were compared and the winning and
/// runner-up scores. Built from values the decision already had, so it is always on and costs nothing extra.
/// </summary>
public readonly record struct RoutingExplanation
{
    /// <summary>The rule that produced the offer.</summary>
    public RoutingRule Rule { get; init; }

    /// <summary>The name of the agent-selection strategy of the queue.</summary>
    public string Strategy { get; init; }

    /// <summary>Escalation steps applied to the interaction when it was offered (0 = none).</summary>
    public int EscalationStep { get; init; }

    /// <summary>
    /// Candidates considered: available eligible agents for <see cref="RoutingRule.BestAgentForInteraction"/>,
    /// queue heads compared for <see cref="RoutingRule.BestInteractionForAgent"/>.
    /// </summary>
    public int Candidates { get; init; }

    /// <summary>The winner's score (higher is better; its meaning depends on the rule and strategy).</summary>
    public double Score { get; init; }

    /// <summary>The best loser's score, or <see cref="double.NaN"/> when there was none.</summary>
    public double RunnerUpScore { get; init; }

    /// <summary>A compact, developer-facing summary (a missing runner-up shows as "none", never NaN).</summary>
    /// <returns>For example "BestAgentForInteraction by longest-idle: 2 candidate(s), score 30, runner-up none, escalation step 0".</returns>
    public override string ToString()
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var rule = Rule switch
        {
            RoutingRule.PreferredAgent => "Offered to the interaction's preferred agent",
            RoutingRule.BestInteractionForAgent => string.Create(inv, $"The agent had free capacity and this interaction came first of {Count(Candidates, "waiting interaction", "waiting interactions")}"),
            _ => string.Create(inv, $"Chosen by the {(string.IsNullOrEmpty(Strategy) ? "queue's" : Strategy)} strategy from {Count(Candidates, "available agent", "available agents")}"),
        };

        // Scores are the strategy's internal ranking (for longest-idle, a negated timestamp): print them only when they
        // are numbers a person can compare, and otherwise just say who ranked first.
        string ranking;
        if (Candidates <= 1 || double.IsNaN(RunnerUpScore))
        {
            ranking = "there was no runner-up";
        }
        else if (double.IsFinite(Score) && double.IsFinite(RunnerUpScore) && Math.Abs(Score) < 1e6 && Math.Abs(RunnerUpScore) < 1e6)
        {
            ranking = string.Create(inv, $"it scored {Score:0.###} against the runner-up's {RunnerUpScore:0.###}");
        }
        else
        {
            ranking = "it ranked ahead of the runner-up";
        }

        var escalation = EscalationStep > 0 ? string.Create(inv, $", after escalation step {EscalationStep}") : string.Empty;
        return $"{rule}{escalation}; {ranking}.";
    }

    private static string Count(int n, string one, string many) =>
        n.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + (n == 1 ? one : many);
}
