namespace ContactCenter;

/// <summary>Where a waiting interaction stands.</summary>
/// <param name="Position">1 = next in line.</param>
/// <param name="EstimatedWait">Estimated time until an agent takes it, when the router can tell.</param>
public readonly record struct QueuePosition(int Position, TimeSpan? EstimatedWait);
