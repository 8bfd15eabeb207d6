using ContactCenter.Ivr.Sessions;

namespace ContactCenter.Testing;

/// <summary>A scripted caller: presses keys (one DTMF input per key, as a phone sends them), speaks, stays silent
/// or hangs up. Prompts are recorded as <see cref="SessionOutputKind.Speech"/>.</summary>
public sealed class ScriptedVoiceSession : ScriptedSession<ScriptedVoiceSession>, IVoiceFlowSession
{
    private readonly Queue<RecordingResult> _recordings = new();
    private int _recordingCount;

    /// <summary>Creates the session.</summary>
    /// <param name="name">Names the interaction (see <see cref="ScriptedSession{TSelf}.IdFor"/>).</param>
    /// <param name="advanceTime">Advances the runner's clock (e.g. <c>fakeTimeProvider.Advance</c>).</param>
    /// <param name="channel">The channel name. Default: <c>voice</c>.</param>
    public ScriptedVoiceSession(string name, Action<TimeSpan>? advanceTime, string channel = "voice")
        : base(name, channel, SessionCapabilities.Voice | SessionCapabilities.Dtmf | SessionCapabilities.Recording, advanceTime)
    {
    }

    /// <summary>The caller presses keys, one input per key.</summary>
    /// <param name="keys">The keys, e.g. <c>"1234#"</c>.</param>
    /// <returns>The session.</returns>
    public ScriptedVoiceSession Press(string keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        foreach (var key in keys)
        {
            AddInput(FlowInput.FromDigits(key.ToString()));
        }

        return this;
    }

    /// <summary>The caller says something (as recognised speech).</summary>
    /// <param name="transcript">What was said.</param>
    /// <returns>The session.</returns>
    public ScriptedVoiceSession Speak(string transcript) => AddInput(FlowInput.FromSpeech(transcript));

    /// <summary>The next recording returns this result. Default: <c>memory://recording/N</c>, 5 s.</summary>
    /// <param name="result">The result.</param>
    /// <returns>The session.</returns>
    public ScriptedVoiceSession WithRecording(RecordingResult result)
    {
        _recordings.Enqueue(result);
        return this;
    }

    /// <inheritdoc />
    public ValueTask SpeakAsync(string text, string? voice, CancellationToken cancellationToken)
    {
        Record(new SessionOutput(SessionOutputKind.Speech, text));
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask PlayAsync(string audio, CancellationToken cancellationToken)
    {
        Record(new SessionOutput(SessionOutputKind.Audio, audio));
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<RecordingResult> RecordAsync(RecordingRequest request, CancellationToken cancellationToken)
    {
        var result = _recordings.TryDequeue(out var r)
            ? r
            : new RecordingResult($"memory://recording/{++_recordingCount}", TimeSpan.FromSeconds(5));
        Record(new SessionOutput(SessionOutputKind.Recording, result.Location));
        return ValueTask.FromResult(result);
    }
}
