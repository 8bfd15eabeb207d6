namespace ContactCenter.Ivr.Primitives.Play;

/// <summary>Raised after Play.</summary>
/// <param name="InteractionId">The interaction.</param>
/// <param name="NodeId">The node.</param>
/// <param name="Audio">The audio resource.</param>
/// <param name="AsText">True when the text fallback was sent instead of audio.</param>
public readonly record struct PlayArguments(InteractionId InteractionId, string NodeId, string Audio, bool AsText);
