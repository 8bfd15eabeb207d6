namespace ContactCenter.Storage.Sqlite;

/// <summary>How hard SQLite works to get a commit onto the disk (<c>PRAGMA synchronous</c>), always with the WAL journal.</summary>
public enum SqliteSynchronousMode
{
    /// <summary>
    /// <c>synchronous=NORMAL</c>, the default. A commit is written to the write-ahead log without waiting for the
    /// disk; the log is flushed to the disk at each checkpoint. A commit survives the process crashing or being
    /// killed, but the last commits before an operating-system crash or a power cut may be lost (the database is
    /// never corrupted: it comes back as it was at an earlier commit). Many times faster than <see cref="Full"/>.
    /// </summary>
    Normal,

    /// <summary>
    /// <c>synchronous=FULL</c>: every commit waits until the write-ahead log is flushed to the disk, so a
    /// completed commit also survives an operating-system crash or a power cut. Each commit costs one disk flush.
    /// </summary>
    Full,
}
