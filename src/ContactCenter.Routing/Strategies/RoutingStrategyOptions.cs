using ContactCenter.Routing.Internal;

namespace ContactCenter.Routing.Strategies;

/// <summary>
/// Base of every agent-selection strategy's options. Each strategy comes in four parts: its options (a
/// subclass of this), an internal implementation, a <c>Use*</c> builder extension and the shared
/// <see cref="AgentSelectedArguments"/> event arguments. Third-party strategies plug in through
/// <see cref="CustomStrategyOptions"/>.
/// </summary>
public abstract class RoutingStrategyOptions
{
    private protected RoutingStrategyOptions()
    {
    }

    /// <summary>The strategy's name, shown in explanations.</summary>
    public abstract string Name { get; }

    /// <summary>Called on the matching loop after every decision this strategy makes; keep it cheap. Default none.</summary>
    public Action<AgentSelectedArguments>? OnAgentSelected { get; set; }

    internal abstract AgentSelectionStrategy CreateStrategy();

    internal virtual void Validate(string section, string item, List<string> problems)
    {
    }
}
