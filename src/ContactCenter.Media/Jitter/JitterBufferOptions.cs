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
        var problems = new List<string>();
        AddProblems(problems);
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(Environment.NewLine, problems));
        }
    }

    internal void AddProblems(List<string> problems)
    {
        if (MinDepth < 1 || MaxDepth < MinDepth || InitialDepth < MinDepth || InitialDepth > MaxDepth || MaxDepth > 100)
        {
            problems.Add(ConfigurationText.Format(nameof(JitterBufferOptions), null, $"{nameof(MinDepth)}, {nameof(InitialDepth)}, {nameof(MaxDepth)}", $"{MinDepth}, {InitialDepth} and {MaxDepth} are out of order", $"1 <= {nameof(MinDepth)} <= {nameof(InitialDepth)} <= {nameof(MaxDepth)} <= 100"));
        }

        if (MaxPayloadSize is < 1 or > 1500)
        {
            problems.Add(ConfigurationText.Format(nameof(JitterBufferOptions), null, nameof(MaxPayloadSize), $"{MaxPayloadSize} is out of range", "1 to 1500 bytes"));
        }

        if (StableFramesBeforeShrink < 1)
        {
            problems.Add(ConfigurationText.Format(nameof(JitterBufferOptions), null, nameof(StableFramesBeforeShrink), $"{StableFramesBeforeShrink} is less than 1", "1 or more"));
        }
    }
}
