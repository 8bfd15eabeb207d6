namespace ContactCenter.Media.Playback;

/// <summary>A tick target threw; the clock carried on with the others.</summary>
public sealed class MediaClockErrorEventArgs : EventArgs
{
    /// <summary>Creates the arguments.</summary>
    /// <param name="target">The target that threw.</param>
    /// <param name="exception">What it threw.</param>
    public MediaClockErrorEventArgs(IMediaTickTarget target, Exception exception)
    {
        Target = target;
        Exception = exception;
    }

    /// <summary>The target that threw.</summary>
    public IMediaTickTarget Target { get; }

    /// <summary>What it threw.</summary>
    public Exception Exception { get; }
}
