using ContactCenter.Ivr.Engine;

namespace ContactCenter.Ivr.Primitives.Collect;

/// <summary>Options of CollectInput: free text (or speech, or keys on a voice session without speech).</summary>
public sealed class CollectInputOptions : CollectOptions
{
    /// <summary>The most characters. Default: 500.</summary>
    public override int MaxLength { get; set; } = 500;

    /// <summary>The key that ends a keyed entry on voice. Default: <c>#</c>.</summary>
    public override string? Terminator { get; set; } = "#";

    internal override bool DigitsOnly => false;

    internal override FlowNode CreateNode(string id) => new CollectNode(id, this, "collectInput");
}
