using Microsoft.Data.Sqlite;

namespace ContactCenter.Storage.Sqlite;

/// <summary>Checks <see cref="SqliteStorageOptions"/>; every problem names the option it is about.</summary>
internal static class SqliteStorageOptionsValidator
{
    private const string Prefix = SqliteStorageOptions.SectionName + ":";
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
            problems.Add($"{Prefix}DataSource must be set to the database file's path (or set {Prefix}ConnectionString).");
        }
        else if (hasDataSource && hasConnectionString)
        {
            problems.Add($"{Prefix}DataSource and {Prefix}ConnectionString are both set; set only one of them.");
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
            problems.Add($"{Prefix}BusyTimeout must be between 1 millisecond and 1 hour (it is {options.BusyTimeout}).");
        }

        if (!Enum.IsDefined(options.Synchronous))
        {
            problems.Add($"{Prefix}Synchronous must be Normal or Full (it is {options.Synchronous}).");
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
            problems.Add($"{Prefix}ConnectionString is not a valid SQLite connection string: {ex.Message}");
            return;
        }

        if (string.IsNullOrWhiteSpace(builder.DataSource))
        {
            problems.Add($"{Prefix}ConnectionString must name a Data Source (the database file's path).");
            return;
        }

        if (builder.Mode == SqliteOpenMode.Memory)
        {
            problems.Add($"{Prefix}ConnectionString must name a database file: in-memory databases are not supported (use InMemoryInteractionStore).");
            return;
        }

        if (builder.Mode == SqliteOpenMode.ReadOnly)
        {
            problems.Add($"{Prefix}ConnectionString must not open the database read-only (Mode=ReadOnly): the store writes to it.");
        }

        CheckPath(builder.DataSource, "ConnectionString", checkWritable, problems);
    }

    private static void CheckPath(string path, string option, bool checkWritable, List<string> problems)
    {
        if (path.Trim() == ":memory:")
        {
            problems.Add($"{Prefix}{option} must name a database file: in-memory databases are not supported (use InMemoryInteractionStore).");
            return;
        }

        if (path.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"{Prefix}{option} must be a file path, not a 'file:' URI.");
            return;
        }

        try
        {
            var full = Path.GetFullPath(path);
            if (Directory.Exists(full))
            {
                problems.Add($"{Prefix}{option} names a folder ('{full}'); it must name the database file.");
            }
            else if (checkWritable && Unwritable(full) is { } reason)
            {
                problems.Add(ConfigurationProblem.Format(SqliteStorageOptions.SectionName, null, option, $"the database file '{full}' cannot be written: {reason}",
                    "a file in a folder this process can write to (the folder is created when missing; SQLite also writes the -wal and -shm files next to it)"));
            }
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException or IOException or UnauthorizedAccessException)
        {
            problems.Add($"{Prefix}{option} is not a valid file path ('{path}'): {ex.Message}");
        }
    }

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
