using Microsoft.Data.Sqlite;

namespace ContactCenter.Storage.Sqlite;

/// <summary>Checks <see cref="SqliteStorageOptions"/>; every problem names the option it is about.</summary>
internal static class SqliteStorageOptionsValidator
{
    private const string Prefix = SqliteStorageOptions.SectionName + ":";
    private static readonly TimeSpan s_maxBusyTimeout = TimeSpan.FromHours(1);

    public static List<string> Validate(SqliteStorageOptions options)
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
            CheckPath(options.DataSource!, "DataSource", problems);
        }
        else
        {
            CheckConnectionString(options.ConnectionString!, problems);
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

    private static void CheckConnectionString(string connectionString, List<string> problems)
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

        CheckPath(builder.DataSource, "ConnectionString", problems);
    }

    private static void CheckPath(string path, string option, List<string> problems)
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
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException or IOException or UnauthorizedAccessException)
        {
            problems.Add($"{Prefix}{option} is not a valid file path ('{path}'): {ex.Message}");
        }
    }
}
