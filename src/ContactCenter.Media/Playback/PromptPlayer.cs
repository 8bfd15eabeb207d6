using ContactCenter.Media.Wav;

namespace ContactCenter.Media.Playback;

/// <summary>
/// Plays prompts on a session: an <see cref="IAudioSource"/> that hands out the queued prompts 160 samples per
/// tick, in order, padding the last frame with silence. Set it as <see cref="Rtp.RtpSession.Source"/>; the
/// session's clock tick pulls from it, so pacing is the shared clock's exact 20 ms. Thread-safe to enqueue from
/// anywhere; reading a frame copies samples and allocates nothing.
/// </summary>
public sealed class PromptPlayer : IAudioSource
{
    private readonly Lock _lock = new();
    private readonly Queue<Prompt> _queue = new();
    private Prompt? _current;
    private int _position;

    /// <summary>Raised (on the clock loop) when a prompt has been played to its end or skipped.</summary>
    public event EventHandler<PromptCompletedEventArgs>? Completed;

    /// <summary>Whether a prompt is playing or queued.</summary>
    public bool IsPlaying
    {
        get
        {
            lock (_lock)
            {
                return _current is not null || _queue.Count > 0;
            }
        }
    }

    /// <summary>Queues a prompt; it plays after those already queued.</summary>
    /// <param name="audio">8 kHz mono audio.</param>
    /// <param name="tag">Anything that identifies the prompt in <see cref="Completed"/>.</param>
    public void Enqueue(WavAudio audio, object? tag = null)
    {
        ArgumentNullException.ThrowIfNull(audio);
        if (audio.SampleRate != WavFile.SampleRate || audio.Channels != 1)
        {
            throw new ArgumentException($"Prompts must be {WavFile.SampleRate} Hz mono; got {audio.SampleRate} Hz, {audio.Channels} channels.", nameof(audio));
        }

        lock (_lock)
        {
            _queue.Enqueue(new Prompt(audio.Samples, tag));
        }
    }

    /// <summary>Stops the current prompt and drops the queue (barge-in); each dropped prompt is reported as not finished.</summary>
    public void Stop()
    {
        List<Prompt> dropped = [];
        lock (_lock)
        {
            if (_current is { } current)
            {
                dropped.Add(current);
            }

            dropped.AddRange(_queue);
            _queue.Clear();
            _current = null;
            _position = 0;
        }

        foreach (var prompt in dropped)
        {
            Completed?.Invoke(this, new PromptCompletedEventArgs(prompt.Tag, finished: false));
        }
    }

    /// <inheritdoc />
    public bool ReadFrame(long tick, Span<short> frame)
    {
        Prompt? finished = null;
        bool played;
        lock (_lock)
        {
            if (_current is null && !_queue.TryDequeue(out _current))
            {
                return false;
            }

            var samples = _current.Samples.Span;
            var n = Math.Min(frame.Length, samples.Length - _position);
            samples.Slice(_position, n).CopyTo(frame);
            frame[n..].Clear();
            _position += n;
            played = n > 0;
            if (_position >= samples.Length)
            {
                finished = _current;
                _current = null;
                _position = 0;
            }
        }

        if (finished is { } f)
        {
            Completed?.Invoke(this, new PromptCompletedEventArgs(f.Tag, finished: true));
        }

        return played;
    }

    private sealed record Prompt(ReadOnlyMemory<short> Samples, object? Tag);
}
