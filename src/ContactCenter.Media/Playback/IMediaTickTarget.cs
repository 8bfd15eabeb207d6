namespace ContactCenter.Media.Playback;

/// <summary>Something the shared <see cref="MediaClock"/> drives every 20 ms (an RTP session, typically).</summary>
public interface IMediaTickTarget
{
    /// <summary>Does this target's work for one 20 ms frame. Runs on the clock's loop; must not block.</summary>
    /// <param name="tick">The clock's tick number (starts at 1, one per 20 ms).</param>
    void OnTick(long tick);
}
