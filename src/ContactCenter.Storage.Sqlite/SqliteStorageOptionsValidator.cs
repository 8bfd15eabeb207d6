using Microsoft.Data.Sqlite;

namespace ContactCenter.Storage.Sqlite;

/// <summary>Checks <see cref="SqliteStorageOptions"/>; every problem names the option it is about.</summary>
internal static class SqliteStorageOptionsValidator
{
    private static readonly TimeSpan s_maxBusyTimeout = TimeSpan.FromHours(1);

    /// <param name="options">The options.</param>
    /// <param name="checkWritable">Whether to check, on disk, that the database file and its folder can be written
    /// (at host start, so that a read-only folder is reported as a configuration problem, not as "SQLite Error 14"
    /// when the store first opens).</param>
    public static List<string> Validate(SqliteStorageOptions options, bool checkWritable = false)
    {
        var problems = new List<string>();
        var hasDataSource = !string.IsNullOrWhiteSpace(options.DataSource);
        var hasConnectionString = !string.IsNullOrWhiteSpace(options.ConnectionString);
        if (!hasDataSource && !hasConnectionString)
        {
            problems.Add(Problem("DataSource", "is missing", "the database file's path (or set ConnectionString instead)"));
        }
        else if (hasDataSource && hasConnectionString)
        {
            problems.Add(Problem("DataSource", "is set together with ConnectionString", "only one of DataSource and ConnectionString"));
        }
        else if (hasDataSource)
        {
            CheckPath(options.DataSource!, "DataSource", checkWritable, problems);
        }
        else
        {
            CheckConnectionString(options.ConnectionString!, checkWritable, problems);
        }

        if (options.BusyTimeout < TimeSpan.FromMilliseconds(1) || options.BusyTimeout > s_maxBusyTimeout)
        {
            problems.Add(Problem("BusyTimeout", $"{options.BusyTimeout} is out of range", "1 millisecond to 1 hour"));
        }

        if (!Enum.IsDefined(options.Synchronous))
        {
            problems.Add(Problem("Synchronous", $"{options.Synchronous} is not a mode", "Normal or Full"));
        }

        return problems;
    }

    private static void CheckConnectionString(string connectionString, bool checkWritable, List<string> problems)
    {
        SqliteConnectionStringBuilder builder;
        try
        {
            builder = new SqliteConnectionStringBuilder(connectionString);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException)
        {
            problems.Add(Problem("ConnectionString", $"is not a valid SQLite connection string: {ex.Message}", "a SQLite connection string naming a database file"));
            return;
        }

        if (string.IsNullOrWhiteSpace(builder.DataSource))
        {
            problems.Add(Problem("ConnectionString", "names no Data Source", "a Data Source naming the database file's path"));
            return;
        }

        if (builder.Mode == SqliteOpenMode.Memory)
        {
            problems.Add(Problem("ConnectionString", "opens an in-memory database", "a database file (for memory, use InMemoryInteractionStore)"));
            return;
        }

        if (builder.Mode == SqliteOpenMode.ReadOnly)
        {
            problems.Add(Problem("ConnectionString", "opens the database read-only (Mode=ReadOnly) but the store writes to it", "Mode=ReadWriteCreate or ReadWrite"));
        }

        CheckPath(builder.DataSource, "ConnectionString", checkWritable, problems);
    }

    private static void CheckPath(string path, string option, bool checkWritable, List<string> problems)
    {
        if (path.Trim() == ":memory:")
        {
            problems.Add(Problem(option, "names an in-memory database", "a database file (for memory, use InMemoryInteractionStore)"));
            return;
        }

        if (path.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add(Problem(option, "is a 'file:' URI", "a file path"));
            return;
        }

        try
        {
            var full = Path.GetFullPath(path);
            if (Directory.Exists(full))
            {
                problems.Add(Problem(option, $"names a folder ('{full}')", "the database file's path"));
            }
            else if (checkWritable && Unwritable(full) is { } reason)
            {
                problems.Add(Problem(option, $"the database file '{full}' cannot be written: {reason}",
                    "a file in a folder this process can write to (the folder is created when missing; SQLite also writes the -wal and -shm files next to it)"));
            }
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException or IOException or UnauthorizedAccessException)
        {
            problems.Add(Problem(option, $"'{path}' is not a valid file path: {ex.Message}", "a file path"));
        }
    }

    private static string Problem(string option, string problem, string allowed) =>
        ConfigurationProblem.Format(SqliteStorageOptions.SectionName, null, option, problem, allowed);

    /// <summary>Why the store could not create or write <paramref name="file"/>, or <see langword="null"/> when it can.
    /// Tries for real (a probe file in the nearest existing folder): permissions alone do not say it (a root process,
    /// a read-only mount, ACLs).</summary>
    private static string? Unwritable(string file)
    {
        var folder = Path.GetDirectoryName(file);
        while (folder is not null && !Directory.Exists(folder))
        {
            if (File.Exists(folder))
            {
                return $"'{folder}' is a file, so the folder cannot be created";
            }

            folder = Path.GetDirectoryName(folder);
        }

        if (folder is null)
        {
            return "no part of its folder exists";
        }

        try
        {
            var probe = Path.Combine(folder, $".contactcenter-write-probe-{Guid.NewGuid():N}");
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }

            if (File.Exists(file))
            {
                using (new FileStream(file, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite))
                {
                }
            }

            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return $"{(File.Exists(file) ? "the file" : $"the folder '{folder}'")} is not writable ({ex.Message.TrimEnd('.')})";
        }
    }
}
