namespace ContactCenter.Ivr.Sessions;

/// <summary>The outcome of <see cref="IVoiceFlowSession.RecordAsync"/>.</summary>
/// <param name="Location">Where the recording is stored (URI or attachment reference); empty when nothing was recorded.</param>
/// <param name="Duration">How long it is.</param>
/// <param name="HungUp">True when the customer hung up while recording (the recording is still kept).</param>
public readonly record struct RecordingResult(string Location, TimeSpan Duration, bool HungUp = false);
