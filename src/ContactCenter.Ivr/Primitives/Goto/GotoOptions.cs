using ContactCenter.Ivr.Engine;

namespace ContactCenter.Ivr.Primitives.Goto;

/// <summary>Options of Goto: jump to another node of the same flow.</summary>
public sealed class GotoOptions : NodeOptions
{
    /// <summary>The node to jump to. Required.</summary>
    public string Target { get; set; } = string.Empty;

    /// <summary>Called before jumping.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Func<GotoArguments, ValueTask>? OnJump { get; set; }

    internal override FlowNode CreateNode(string id) => new GotoNode(id, this);
}
