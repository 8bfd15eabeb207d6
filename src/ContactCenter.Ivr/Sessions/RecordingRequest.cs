namespace ContactCenter.Ivr.Sessions;

/// <summary>Limits of one recording.</summary>
/// <param name="NodeId">The Record node.</param>
/// <param name="MaxLength">The longest recording.</param>
/// <param name="FinishKey">The key that ends the recording, or null.</param>
/// <param name="Beep">Whether to play a beep before recording.</param>
public readonly record struct RecordingRequest(string NodeId, TimeSpan MaxLength, string? FinishKey, bool Beep);
