namespace ContactCenter.Media.Jitter;

/// <summary>Counters of a <see cref="JitterBuffer"/> since it was created.</summary>
/// <param name="Played">Frames handed out.</param>
/// <param name="Lost">Slots whose frame never arrived.</param>
/// <param name="Late">Packets that arrived after their slot had been played.</param>
/// <param name="Duplicates">Packets received twice.</param>
/// <param name="Dropped">Frames discarded to shrink the delay after the network calmed down.</param>
/// <param name="Underruns">Times the buffer ran empty and went back to buffering.</param>
/// <param name="TargetDepth">Current target depth in frames.</param>
/// <param name="Depth">Frames currently held.</param>
public readonly record struct JitterBufferStatistics(long Played, long Lost, long Late, long Duplicates, long Dropped, long Underruns, int TargetDepth, int Depth);
