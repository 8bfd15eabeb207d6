namespace ContactCenter.Media.Jitter;

/// <summary>What <see cref="JitterBuffer.Insert"/> did with a packet.</summary>
public enum JitterInsertResult
{
    /// <summary>Stored for playout.</summary>
    Accepted,

    /// <summary>Already held (a network duplicate); dropped.</summary>
    Duplicate,

    /// <summary>Its playout time has passed; dropped and counted as late (and the buffer deepens).</summary>
    Late,

    /// <summary>The payload is larger than a slot; dropped.</summary>
    TooLarge,

    /// <summary>So far ahead of playout that the stream must have restarted; the buffer was reset around it.</summary>
    Restarted,
}

/// <summary>What <see cref="JitterBuffer.Read"/> produced for one 20 ms playout slot.</summary>
public enum JitterReadResult
{
    /// <summary>A frame was copied out.</summary>
    Frame,

    /// <summary>The frame for this slot never arrived while later ones did: lost, to be concealed.</summary>
    Lost,

    /// <summary>Nothing to play: filling up to the target depth (start, or after an underrun).</summary>
    Buffering,
}
