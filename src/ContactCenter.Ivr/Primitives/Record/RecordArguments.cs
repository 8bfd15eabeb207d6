namespace ContactCenter.Ivr.Primitives.Record;

/// <summary>Raised by Record.</summary>
/// <param name="InteractionId">The interaction.</param>
/// <param name="NodeId">The node.</param>
/// <param name="Location">The recording location (voice), or null.</param>
/// <param name="Text">The typed message (text channels), or null.</param>
/// <param name="Duration">The recording length.</param>
/// <param name="Submitted">Whether it was handed to the host as a voicemail.</param>
public readonly record struct RecordArguments(InteractionId InteractionId, string NodeId, string? Location, string? Text, TimeSpan Duration, bool Submitted);
