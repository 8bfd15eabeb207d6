using ContactCenter.Ivr.Engine;
using ContactCenter.Ivr.Services;

namespace ContactCenter.Ivr.Primitives.Transfer;

/// <summary>Options of TransferToNumber: dials out on voice; text channels get <see cref="TextFallback"/> and the
/// flow continues at Next.</summary>
public sealed class TransferToNumberOptions : TransferOptions
{
    /// <summary>The number to dial (E.164). Required.</summary>
    public string Number { get; set; } = string.Empty;

    /// <summary>Sent on text channels instead; <c>{number}</c> is replaced. Default: <c>Please call us at {number}.</c></summary>
    public string TextFallback { get; set; } = "Please call us at {number}.";

    internal override FlowNode CreateNode(string id) => new TransferNode(id, this, TransferKind.Number, Number, nameof(Number), null, 0);
}
