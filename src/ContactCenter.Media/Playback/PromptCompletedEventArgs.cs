namespace ContactCenter.Media.Playback;

/// <summary>A prompt stopped playing.</summary>
public sealed class PromptCompletedEventArgs : EventArgs
{
    /// <summary>Creates the arguments.</summary>
    /// <param name="tag">The tag given to <see cref="PromptPlayer.Enqueue"/>.</param>
    /// <param name="finished">Played to its end (<see langword="true"/>) or stopped.</param>
    public PromptCompletedEventArgs(object? tag, bool finished)
    {
        Tag = tag;
        Finished = finished;
    }

    /// <summary>The tag given to <see cref="PromptPlayer.Enqueue"/>.</summary>
    public object? Tag { get; }

    /// <summary>Played to its end (<see langword="true"/>) or stopped.</summary>
    public bool Finished { get; }
}
