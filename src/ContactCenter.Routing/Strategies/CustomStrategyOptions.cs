using ContactCenter.Routing.Internal;

namespace ContactCenter.Routing.Strategies;

/// <summary>
/// A strategy of your own: <see cref="Score"/> rates an available agent (higher is better). The score is
/// computed when the agent's state changes, not at every decision, so decisions stay O(log n); it must
/// therefore depend only on the agent's own state as given in the <see cref="AgentSnapshot"/>.
/// </summary>
public sealed class CustomStrategyOptions : RoutingStrategyOptions
{
    private string _name = "custom";

    /// <inheritdoc />
    public override string Name => _name;

    /// <summary>Sets the name shown in explanations. Default "custom".</summary>
    /// <param name="name">The name.</param>
    /// <returns>These options.</returns>
    public CustomStrategyOptions WithName(string name)
    {
        _name = name;
        return this;
    }

    /// <summary>Rates an agent; higher is better; ties go to the longest idle. Required.</summary>
    public Func<AgentSnapshot, double>? Score { get; set; }

    internal override AgentSelectionStrategy CreateStrategy() => new CustomStrategy(Name, OnAgentSelected, Score!);

    internal override void Validate(string section, string item, List<string> problems)
    {
        if (Score is null)
        {
            problems.Add(ConfigurationText.Format(section, item, nameof(Score), "is missing", "a scoring function"));
        }

        if (string.IsNullOrWhiteSpace(_name))
        {
            problems.Add(ConfigurationText.Format(section, item, "Name", "is empty", "a name"));
        }
    }
}
