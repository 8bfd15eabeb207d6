using Microsoft.Data.Sqlite;

namespace ContactCenter.Storage.Sqlite;

/// <summary>
/// A write statement on the writer connection: its command and typed parameters are created once, SQLite
/// prepares it on first use and keeps it prepared, and each commit only binds new values.
/// </summary>
internal sealed class SqliteStatement : IDisposable
{
    private readonly SqliteCommand _command;
    private readonly SqliteParameter[] _parameters;

    public SqliteStatement(SqliteConnection connection, string sql, params ReadOnlySpan<(string Name, SqliteType Type)> parameters)
    {
        _command = connection.CreateCommand();
        _command.CommandText = sql;
        _parameters = new SqliteParameter[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            _parameters[i] = _command.Parameters.Add(parameters[i].Name, parameters[i].Type);
        }
    }

    /// <summary>Sets the value of the parameter at <paramref name="index"/>; <see langword="null"/> binds SQL NULL.</summary>
    public SqliteStatement Set(int index, object? value)
    {
        _parameters[index].Value = value ?? DBNull.Value;
        return this;
    }

    /// <summary>Runs the statement in <paramref name="transaction"/>.</summary>
    public int Execute(SqliteTransaction transaction)
    {
        _command.Transaction = transaction;
        return _command.ExecuteNonQuery();
    }

    public void Dispose() => _command.Dispose();
}
