namespace ContactCenter.Media.Jitter;

/// <summary>Depths (in 20 ms frames) and slot size of a <see cref="JitterBuffer"/>.</summary>
public sealed class JitterBufferOptions
{
    /// <summary>Depth playout waits for at the start: 3 frames (60 ms).</summary>
    public int InitialDepth { get; init; } = 3;

    /// <summary>The target never shrinks below this: 1 frame.</summary>
    public int MinDepth { get; init; } = 1;

    /// <summary>The target never grows beyond this: 10 frames (200 ms).</summary>
    public int MaxDepth { get; init; } = 10;

    /// <summary>Frames without a late packet before the target shrinks by one: 500 (10 s).</summary>
    public int StableFramesBeforeShrink { get; init; } = 500;

    /// <summary>Largest payload a slot holds: 320 bytes (40 ms of G.711).</summary>
    public int MaxPayloadSize { get; init; } = 320;

    internal void Validate()
    {
        if (MinDepth < 1 || MaxDepth < MinDepth || InitialDepth < MinDepth || InitialDepth > MaxDepth || MaxDepth > 100)
        {
            throw new ArgumentException($"Jitter buffer depths must satisfy 1 ≤ MinDepth ({MinDepth}) ≤ InitialDepth ({InitialDepth}) ≤ MaxDepth ({MaxDepth}) ≤ 100.");
        }

        if (MaxPayloadSize is < 1 or > 1500 || StableFramesBeforeShrink < 1)
        {
            throw new ArgumentException("MaxPayloadSize must be 1–1500 and StableFramesBeforeShrink at least 1.");
        }
    }
}
