using ContactCenter.Ivr.Engine;

namespace ContactCenter.Ivr;

/// <summary>
/// Base of every primitive's options. The SDK defines the primitives; options are plain settable objects so the
/// same classes back the code builder and the JSON format (property names in camelCase).
/// </summary>
public abstract class NodeOptions
{
    private protected NodeOptions()
    {
    }

    /// <summary>Where the flow continues after this node completes normally. Default: the node declared next.</summary>
    public string? Next { get; set; }

    internal abstract FlowNode CreateNode(string id);
}
