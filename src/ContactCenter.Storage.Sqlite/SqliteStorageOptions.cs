namespace ContactCenter.Storage.Sqlite;

/// <summary>
/// Options of <see cref="SqliteInteractionStore"/>, the embedded durable store. Set <see cref="DataSource"/> (a file
/// path) or <see cref="ConnectionString"/>, not both. Bound from the configuration section
/// <see cref="SectionName"/> by hosts that bind configuration.
/// </summary>
public sealed class SqliteStorageOptions
{
    /// <summary>The configuration section these options are read from and named by in error messages.</summary>
    public const string SectionName = "ContactCenter:Storage:Sqlite";

    /// <summary>
    /// The database file's path, for example <c>data/contactcenter.db</c>; relative paths are resolved against
    /// the current directory. The file and its folder are created when missing. No default.
    /// </summary>
    public string? DataSource { get; set; }

    /// <summary>
    /// A full Microsoft.Data.Sqlite connection string, instead of <see cref="DataSource"/>, for settings such as
    /// <c>Password</c> on builds with encryption. It must name a database file; in-memory databases are not supported
    /// (use <c>InMemoryInteractionStore</c>). No default.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// The durability of a commit. Default <see cref="SqliteSynchronousMode.Normal"/>: a commit survives a crash of
    /// the process but not necessarily a power cut. <see cref="SqliteSynchronousMode.Full"/> survives both, at the
    /// cost of one disk flush per commit.
    /// </summary>
    public SqliteSynchronousMode Synchronous { get; set; } = SqliteSynchronousMode.Normal;

    /// <summary>
    /// How long a command waits for a lock held by another connection (another process on the same file, or a
    /// checkpoint) before it fails. Between 1 ms and 1 hour; default 5 seconds.
    /// </summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
