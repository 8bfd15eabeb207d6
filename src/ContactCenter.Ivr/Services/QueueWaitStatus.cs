namespace ContactCenter.Ivr.Services;

/// <summary>A snapshot of a queued interaction.</summary>
/// <param name="State">Waiting, connected or removed.</param>
/// <param name="Position">1-based position in the queue, when the host knows it.</param>
/// <param name="EstimatedWait">Estimated time until an agent answers, when the host knows it.</param>
public readonly record struct QueueWaitStatus(QueueWaitState State, int? Position = null, TimeSpan? EstimatedWait = null);
