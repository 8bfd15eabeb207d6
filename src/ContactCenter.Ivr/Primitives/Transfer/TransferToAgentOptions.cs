using ContactCenter.Ivr.Engine;
using ContactCenter.Ivr.Services;

namespace ContactCenter.Ivr.Primitives.Transfer;

/// <summary>Options of TransferToAgent.</summary>
public sealed class TransferToAgentOptions : TransferOptions
{
    /// <summary>The agent id; may hold <c>{variable}</c> placeholders (e.g. the customer's account manager). Required.</summary>
    public string Agent { get; set; } = string.Empty;

    internal override FlowNode CreateNode(string id) => new TransferNode(id, this, TransferKind.Agent, Agent, nameof(Agent), null, 0);
}
