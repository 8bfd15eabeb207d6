namespace ContactCenter.Ivr.Sessions;

/// <summary>
/// Optional text-to-speech hook. When set on <see cref="FlowRunnerOptions.TextToSpeech"/>, voice prompts are
/// synthesised through it and played with <see cref="IVoiceFlowSession.PlayAsync"/> instead of
/// <see cref="IVoiceFlowSession.SpeakAsync"/>.
/// </summary>
public interface ITextToSpeech
{
    /// <summary>Turns text into a playable audio resource.</summary>
    /// <param name="text">The text.</param>
    /// <param name="voice">A voice or language hint, or null.</param>
    /// <param name="cancellationToken">Cancels synthesis.</param>
    /// <returns>The audio resource to play.</returns>
    ValueTask<string> SynthesizeAsync(string text, string? voice, CancellationToken cancellationToken);
}
