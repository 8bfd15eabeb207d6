namespace ContactCenter.Media.Playback;

/// <summary>Supplies the audio a session sends: one 20 ms frame (160 samples at 8 kHz) per tick.</summary>
public interface IAudioSource
{
    /// <summary>Fills <paramref name="frame"/> with the next 20 ms of linear PCM.</summary>
    /// <param name="tick">The clock tick the frame is for.</param>
    /// <param name="frame">160 samples to fill.</param>
    /// <returns><see langword="false"/> when the source has nothing to play (the session then sends comfort noise or silence).</returns>
    bool ReadFrame(long tick, Span<short> frame);
}
