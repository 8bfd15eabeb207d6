using ContactCenter.Ivr.Engine;

namespace ContactCenter.Ivr.Primitives.SetVariable;

/// <summary>Options of SetVariable.</summary>
public sealed class SetVariableOptions : NodeOptions
{
    /// <summary>The variable name. Required.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The value; <c>{variable}</c> placeholders are replaced. Default: empty.</summary>
    public string Value { get; set; } = string.Empty;

    /// <summary>Called after the variable was set.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Func<SetVariableArguments, ValueTask>? OnSet { get; set; }

    internal override FlowNode CreateNode(string id) => new SetVariableNode(id, this);
}
