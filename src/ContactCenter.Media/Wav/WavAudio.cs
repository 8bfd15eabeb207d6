namespace ContactCenter.Media.Wav;

/// <summary>
/// Audio read from a WAV file, decoded to 16-bit linear PCM (interleaved when stereo) — the form prompts are
/// played from, so playback only encodes (a table look-up per sample).
/// </summary>
public sealed class WavAudio
{
    /// <summary>Creates audio from decoded samples.</summary>
    /// <param name="samples">Linear PCM, interleaved when <paramref name="channels"/> is 2.</param>
    /// <param name="sampleRate">Samples per second per channel.</param>
    /// <param name="channels">1 or 2.</param>
    /// <param name="sourceEncoding">The encoding of the file it came from.</param>
    public WavAudio(short[] samples, int sampleRate = 8000, int channels = 1, WavEncoding sourceEncoding = WavEncoding.Pcm16)
    {
        Samples = samples ?? throw new ArgumentNullException(nameof(samples));
        SampleRate = sampleRate;
        Channels = channels;
        SourceEncoding = sourceEncoding;
    }

    /// <summary>Linear PCM samples, interleaved when stereo.</summary>
    public ReadOnlyMemory<short> Samples { get; }

    /// <summary>Samples per second per channel.</summary>
    public int SampleRate { get; }

    /// <summary>1 (mono) or 2 (stereo).</summary>
    public int Channels { get; }

    /// <summary>The encoding of the file it was read from.</summary>
    public WavEncoding SourceEncoding { get; }

    /// <summary>Play time.</summary>
    public TimeSpan Duration => TimeSpan.FromTicks((long)Samples.Length / Channels * TimeSpan.TicksPerSecond / SampleRate);
}
