using ContactCenter.Ivr.Engine;

namespace ContactCenter.Ivr.Primitives.Collect;

/// <summary>Options of CollectDigits: keys on voice, a typed number on text channels (spaces and dashes are ignored).</summary>
public sealed class CollectDigitsOptions : CollectOptions
{
    /// <summary>The most digits. Default: 20.</summary>
    public override int MaxLength { get; set; } = 20;

    /// <summary>The key that ends the entry. Default: <c>#</c>.</summary>
    public override string? Terminator { get; set; } = "#";

    internal override bool DigitsOnly => true;

    internal override FlowNode CreateNode(string id) => new CollectNode(id, this, "collectDigits");
}
