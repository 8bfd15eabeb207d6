namespace ContactCenter.Ivr.Engine;

/// <summary>The internal implementation of one primitive in one flow. Created from its options at build time;
/// immutable after <see cref="Prepare"/>, so one flow serves any number of concurrent runs.</summary>
internal abstract class FlowNode
{
    protected FlowNode(string id)
    {
        Id = id;
    }

    public string Id { get; }

    /// <summary>The JSON type name of the primitive.</summary>
    public abstract string Kind { get; }

    /// <summary>The queue this node hands the interaction to, if any (checked against the host's queues at start).</summary>
    public virtual string? QueueReference => null;

    /// <summary>The options' Next, or the node declared after this one.</summary>
    public string? DefaultNextId { get; set; }

    /// <summary>Validates options and resolves targets, reporting every problem to <paramref name="v"/>.</summary>
    public abstract void Prepare(NodeValidation v);

    public abstract ValueTask<NodeResult> ExecuteAsync(FlowExecution x);
}
