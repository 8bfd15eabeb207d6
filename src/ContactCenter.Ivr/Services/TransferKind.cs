namespace ContactCenter.Ivr.Services;

/// <summary>What a transfer targets.</summary>
public enum TransferKind
{
    /// <summary>A named agent.</summary>
    Agent = 0,

    /// <summary>A queue (routing takes over, the flow does not wait).</summary>
    Queue,

    /// <summary>An external phone number.</summary>
    Number,
}
