using System.Text.Json.Serialization;

namespace ContactCenter.Ivr.Primitives.Transfer;

/// <summary>Shared options of TransferToAgent, TransferToQueue and TransferToNumber. A successful transfer ends the
/// flow with <see cref="FlowOutcome.Transferred"/>; a refused one continues at Next.</summary>
public abstract class TransferOptions : NodeOptions
{
    private protected TransferOptions()
    {
    }

    /// <summary>Said before transferring, or null.</summary>
    public string? Message { get; set; }

    /// <summary>Called with the transfer's outcome.</summary>
    [JsonIgnore]
    public Func<TransferArguments, ValueTask>? OnTransfer { get; set; }
}
