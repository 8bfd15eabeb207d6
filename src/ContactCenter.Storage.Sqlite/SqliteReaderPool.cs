using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace ContactCenter.Storage.Sqlite;

/// <summary>
/// Reader connections, kept open with their statements prepared so that a lookup on the hot path (is this
/// message a duplicate, which interaction is open for this conversation) costs one indexed query and no parsing.
/// A reader is used by one caller at a time; the writer never waits for readers (WAL).
/// </summary>
internal sealed class SqliteReaderPool : IDisposable
{
    private readonly string _connectionString;
    private readonly int _maxIdle;
    private readonly ConcurrentBag<Reader> _idle = [];
    private volatile bool _disposed;

    public SqliteReaderPool(string connectionString, int maxIdle)
    {
        _connectionString = connectionString;
        _maxIdle = maxIdle;
    }

    public Reader Rent()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_idle.TryTake(out var reader))
        {
            return reader;
        }

        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            return new Reader(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public void Return(Reader reader)
    {
        if (_disposed || reader.Broken || _idle.Count >= _maxIdle)
        {
            reader.Dispose();
            return;
        }

        _idle.Add(reader);
        if (_disposed && _idle.TryTake(out var late))
        {
            late.Dispose();
        }
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var reader))
        {
            reader.Dispose();
        }
    }

    /// <summary>One open reader connection and its prepared statements, keyed by SQL text.</summary>
    internal sealed class Reader : IDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

        public Reader(SqliteConnection connection) => _connection = connection;

        /// <summary>Set when a command failed in a way that may have left the connection unusable.</summary>
        public bool Broken { get; set; }

        /// <summary>The prepared command for <paramref name="sql"/>; its parameters, typed so that ids bind as the BLOBs they are stored as, are <paramref name="parameters"/> in that order.</summary>
        public SqliteCommand Command(string sql, params ReadOnlySpan<(string Name, SqliteType Type)> parameters)
        {
            if (!_commands.TryGetValue(sql, out var command))
            {
                command = _connection.CreateCommand();
                command.CommandText = sql;
                foreach (var (name, type) in parameters)
                {
                    command.Parameters.Add(name, type);
                }

                _commands[sql] = command;
            }

            return command;
        }

        public void Dispose()
        {
            foreach (var command in _commands.Values)
            {
                command.Dispose();
            }

            _commands.Clear();
            _connection.Dispose();
        }
    }
}
