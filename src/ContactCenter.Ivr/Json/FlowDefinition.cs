namespace ContactCenter.Ivr.Json;

/// <summary>A flow to build plus the bindings its definition declares.</summary>
internal sealed class FlowDefinition
{
    public FlowDefinition(FlowBuilder builder)
    {
        Builder = builder;
    }

    public FlowDefinition(Flow flow)
    {
        Flow = flow;
    }

    public FlowBuilder? Builder { get; }

    public Flow? Flow { get; }

    public List<string> Channels { get; } = new();

    public List<string> EntryPoints { get; } = new();

    public bool IsDefault { get; set; }
}
