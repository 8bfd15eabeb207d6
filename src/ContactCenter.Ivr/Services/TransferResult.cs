namespace ContactCenter.Ivr.Services;

/// <summary>Whether a transfer was accepted.</summary>
/// <param name="Succeeded">True when the runtime took the interaction over.</param>
/// <param name="Reason">Why not, when it failed.</param>
public readonly record struct TransferResult(bool Succeeded, string? Reason = null)
{
    /// <summary>An accepted transfer.</summary>
    public static TransferResult Success => new(true);

    /// <summary>A refused transfer.</summary>
    /// <param name="reason">Why.</param>
    public static TransferResult Failed(string reason) => new(false, reason);
}
