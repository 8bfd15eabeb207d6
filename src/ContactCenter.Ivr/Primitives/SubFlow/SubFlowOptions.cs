using ContactCenter.Ivr.Engine;

namespace ContactCenter.Ivr.Primitives.SubFlow;

/// <summary>Options of SubFlow: runs another flow of the catalog and continues at Next when it ends.</summary>
public sealed class SubFlowOptions : NodeOptions
{
    /// <summary>The flow to call (must be in the same catalog). Required.</summary>
    public string Flow { get; set; } = string.Empty;

    /// <summary>Called before the sub-flow starts.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Func<SubFlowArguments, ValueTask>? OnCall { get; set; }

    internal override FlowNode CreateNode(string id) => new SubFlowNode(id, this);
}
