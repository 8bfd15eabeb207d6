namespace ContactCenter.Ivr.Sessions;

/// <summary>A voice session: text is spoken through the runtime's text-to-speech, audio resources are played,
/// DTMF keys arrive through <see cref="IFlowSession.ReceiveAsync"/>, and the customer can be recorded.</summary>
public interface IVoiceFlowSession : IFlowSession
{
    /// <summary>Speaks <paramref name="text"/> (the TTS hook). Completes when the prompt is queued or played, as the
    /// runtime chooses; keys pressed meanwhile must still be delivered by <see cref="IFlowSession.ReceiveAsync"/>.</summary>
    /// <param name="text">What to say.</param>
    /// <param name="voice">A voice or language hint (e.g. <c>en-US</c>), or null for the default.</param>
    /// <param name="cancellationToken">Stops the prompt.</param>
    ValueTask SpeakAsync(string text, string? voice, CancellationToken cancellationToken);

    /// <summary>Plays an audio resource (a URI or a name the runtime resolves, e.g. a WAV prompt).</summary>
    /// <param name="audio">The resource.</param>
    /// <param name="cancellationToken">Stops playback.</param>
    ValueTask PlayAsync(string audio, CancellationToken cancellationToken);

    /// <summary>Records the customer until the finish key, silence or the maximum length.</summary>
    /// <param name="request">Recording limits.</param>
    /// <param name="cancellationToken">Stops the recording.</param>
    /// <returns>Where the recording is and how it ended.</returns>
    ValueTask<RecordingResult> RecordAsync(RecordingRequest request, CancellationToken cancellationToken);
}
