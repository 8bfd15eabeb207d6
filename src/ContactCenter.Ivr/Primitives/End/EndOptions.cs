using ContactCenter.Ivr.Engine;

namespace ContactCenter.Ivr.Primitives.End;

/// <summary>Options of End: finishes the flow (in a SubFlow: returns to the caller).</summary>
public sealed class EndOptions : NodeOptions
{
    /// <summary>A last message said before ending, or null.</summary>
    public string? Message { get; set; }

    /// <summary>Called when the node ends the flow.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Func<EndArguments, ValueTask>? OnEnd { get; set; }

    internal override FlowNode CreateNode(string id) => new EndNode(id, this);
}
