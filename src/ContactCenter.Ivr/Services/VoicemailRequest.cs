namespace ContactCenter.Ivr.Services;

/// <summary>A voicemail to hand to the runtime.</summary>
/// <param name="InteractionId">The interaction.</param>
/// <param name="Queue">The queue that should handle it, or null.</param>
/// <param name="RecordingLocation">The recording (voice), or null.</param>
/// <param name="Text">The typed message (text channels), or null.</param>
/// <param name="Duration">The recording length (zero for text).</param>
public readonly record struct VoicemailRequest(
    InteractionId InteractionId,
    QueueId? Queue,
    string? RecordingLocation,
    string? Text,
    TimeSpan Duration);
