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
    public override string ToString() =>
        string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"{Rule} by {Strategy}: {Candidates} candidate(s), score {Score:G6}, runner-up {(double.IsNaN(RunnerUpScore) ? "none" : RunnerUpScore.ToString("G6", System.Globalization.CultureInfo.InvariantCulture))}, escalation step {EscalationStep}");
}
