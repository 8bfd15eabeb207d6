using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace ContactCenter.Storage.Sqlite;

/// <summary>
/// The embedded durable <see cref="IInteractionStore"/>: one SQLite file in WAL mode.
/// </summary>
/// <remarks>
/// <para>
/// Writes go through one writer connection whose statements are prepared once and reused. Each
/// <see cref="CommitAsync"/> is one transaction, however many messages it carries, so the hub's batches cost one
/// journal write each: batch many messages into one commit for throughput. Payloads are serialized before the
/// writer is taken, so the transaction only binds and steps prepared statements. A commit that fails (a duplicate
/// event id or inbound message key, an event of an interaction that is not stored...) is rolled back whole and
/// reported as an <see cref="InteractionStoreException"/>.
/// </para>
/// <para>
/// Durability is chosen by <see cref="SqliteStorageOptions.Synchronous"/>. With the default
/// <see cref="SqliteSynchronousMode.Normal"/> a completed commit survives the process crashing or being killed, but
/// the last commits before an operating-system crash or a power cut may be lost; the file is never corrupted.
/// With <see cref="SqliteSynchronousMode.Full"/> a completed commit also survives those, at the cost of a disk
/// flush per commit.
/// </para>
/// <para>
/// Reads run on separate reader connections (kept open, statements prepared) and never wait for the writer;
/// they see every commit completed before they started. Thread-safe: every member may be called from any thread.
/// The schema is created or migrated by <see cref="InitializeAsync"/> (or on first use) and its version kept in
/// the <c>schema_version</c> table.
/// </para>
/// </remarks>
public sealed class SqliteInteractionStore : IInteractionStore, IAsyncDisposable, IDisposable
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintForeignKey = 787;

    private static readonly (string, SqliteType) s_idParameter = ("$id", SqliteType.Blob);

    private readonly string _writerConnectionString;
    private readonly SqliteStorageOptions _options;
    private readonly TimeProvider _time;
    private readonly SqliteReaderPool _readers;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private SqliteConnection? _writer;
    private WriteStatements? _statements;
    private volatile bool _initialized;
    private volatile bool _disposed;

    /// <summary>Creates the store; nothing is opened until <see cref="InitializeAsync"/> or the first call.</summary>
    /// <param name="options">The options; copied, later changes have no effect.</param>
    /// <exception cref="ContactCenterConfigurationException">The options are invalid; every problem is listed.</exception>
    public SqliteInteractionStore(SqliteStorageOptions options)
        : this(options, TimeProvider.System)
    {
    }

    /// <summary>Creates the store; nothing is opened until <see cref="InitializeAsync"/> or the first call.</summary>
    /// <param name="options">The options; copied, later changes have no effect.</param>
    /// <param name="timeProvider">The clock that stamps schema migrations when they are applied.</param>
    /// <exception cref="ContactCenterConfigurationException">The options are invalid; every problem is listed.</exception>
    public SqliteInteractionStore(SqliteStorageOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _time = timeProvider;
        var problems = SqliteStorageOptionsValidator.Validate(options);
        if (problems.Count > 0)
        {
            throw new ContactCenterConfigurationException(problems);
        }

        _options = new SqliteStorageOptions
        {
            DataSource = options.DataSource,
            ConnectionString = options.ConnectionString,
            Synchronous = options.Synchronous,
            BusyTimeout = options.BusyTimeout,
        };
        var builder = options.ConnectionString is { Length: > 0 } connectionString
            ? new SqliteConnectionStringBuilder(connectionString)
            : new SqliteConnectionStringBuilder { DataSource = options.DataSource };
        builder.DataSource = Path.GetFullPath(builder.DataSource);
        builder.DefaultTimeout = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds);
        builder.ForeignKeys = true;
        builder.Pooling = false;
        DatabasePath = builder.DataSource;

        builder.Mode = SqliteOpenMode.ReadWriteCreate;
        _writerConnectionString = builder.ToString();
        builder.Mode = SqliteOpenMode.ReadWrite;
        builder.ForeignKeys = null;
        _readers = new SqliteReaderPool(builder.ToString(), maxIdle: Math.Max(4, Environment.ProcessorCount * 2));
    }

    /// <summary>The full path of the database file.</summary>
    public string DatabasePath { get; }

    /// <inheritdoc />
    /// <remarks>
    /// Creates the file and its folder if missing, switches it to WAL, and creates or migrates the schema in one
    /// transaction. Idempotent; the other members call it on first use.
    /// </remarks>
    /// <exception cref="InteractionStoreException">The file cannot be opened, is not a database, cannot use WAL, or has a newer schema.</exception>
    public Task InitializeAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _initialized ? Task.CompletedTask : InitializeCoreAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task CommitAsync(StoreChanges changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        cancellationToken.ThrowIfCancellationRequested();
        if (changes.IsEmpty)
        {
            return;
        }

        var payloads = Serialize(changes);
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);

            // Also reopens the writer after a failure closed it (see Write).
            if (!_initialized)
            {
                OpenWriter();
                _initialized = true;
            }

            Write(changes, payloads);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <inheritdoc />
    public Task<Customer?> GetCustomerAsync(CustomerId id, CancellationToken cancellationToken)
        => ReadAsync(reader => ReadOne<Customer>(reader.Command(SqliteSchema.SelectCustomer, s_idParameter), Blob(id.Value)), cancellationToken);

    /// <inheritdoc />
    public Task<CustomerId?> FindCustomerAsync(CustomerIdentity identity, CancellationToken cancellationToken)
    {
        if (identity.Value is null || !IsValidKey(identity.Value) || !IsValidKey(identity.Kind.Name))
        {
            // Never stored (see IsValidKey); asking SQLite would match the U+FFFD it would have made of it.
            return Task.FromResult<CustomerId?>(null);
        }

        return ReadAsync(reader =>
        {
            var command = reader.Command(SqliteSchema.SelectIdentityOwner, ("$kind", SqliteType.Text), ("$value", SqliteType.Text));
            command.Parameters[0].Value = identity.Kind.Name;
            command.Parameters[1].Value = identity.Value;
            using var rows = command.ExecuteReader();
            return rows.Read() ? new CustomerId(GuidFrom(rows, 0)) : (CustomerId?)null;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<CustomerIdentity>> GetIdentitiesAsync(CustomerId id, CancellationToken cancellationToken)
        => ReadAsync<IReadOnlyList<CustomerIdentity>>(reader =>
        {
            var command = reader.Command(SqliteSchema.SelectIdentities, s_idParameter);
            command.Parameters[0].Value = Blob(id.Value);
            using var rows = command.ExecuteReader();
            var result = new List<CustomerIdentity>();
            while (rows.Read())
            {
                result.Add(new CustomerIdentity(new IdentityKind(rows.GetString(0)), rows.GetString(1)));
            }

            return result.ToArray();
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<CustomerId>> GetMergedCustomersAsync(CustomerId id, CancellationToken cancellationToken)
        => ReadAsync<IReadOnlyList<CustomerId>>(reader =>
        {
            var command = reader.Command(SqliteSchema.SelectMerged, s_idParameter);
            command.Parameters[0].Value = Blob(id.Value);
            using var rows = command.ExecuteReader();
            var result = new List<CustomerId>();
            while (rows.Read())
            {
                result.Add(new CustomerId(GuidFrom(rows, 0)));
            }

            return result.ToArray();
        }, cancellationToken);

    /// <inheritdoc />
    public Task<Interaction?> GetInteractionAsync(InteractionId id, CancellationToken cancellationToken)
        => ReadAsync(reader => ReadOne<Interaction>(reader.Command(SqliteSchema.SelectInteraction, s_idParameter), Blob(id.Value)), cancellationToken);

    /// <inheritdoc />
    /// <remarks>Should several be open, the most recently created one is returned.</remarks>
    public Task<Interaction?> FindOpenInteractionAsync(string channel, string conversationKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(conversationKey);
        if (!IsValidKey(channel) || !IsValidKey(conversationKey))
        {
            return Task.FromResult<Interaction?>(null);
        }

        return ReadAsync(reader =>
        {
            var command = reader.Command(SqliteSchema.SelectOpenInteraction, ("$channel", SqliteType.Text), ("$key", SqliteType.Text));
            command.Parameters[1].Value = conversationKey;
            return ReadOne<Interaction>(command, channel);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Interaction>> GetInteractionsByCustomerAsync(CustomerId id, CancellationToken cancellationToken)
        => ReadAsync(reader => ReadAll<Interaction>(reader.Command(SqliteSchema.SelectInteractionsByCustomer, s_idParameter), Blob(id.Value)), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<Interaction>> GetActiveInteractionsAsync(CancellationToken cancellationToken)
        => ReadAsync(reader => ReadAll<Interaction>(reader.Command(SqliteSchema.SelectActiveInteractions), null), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<TimelineEvent>> GetTimelineAsync(InteractionId id, CancellationToken cancellationToken)
        => ReadAsync(reader => ReadAll<TimelineEvent>(reader.Command(SqliteSchema.SelectTimeline, s_idParameter), Blob(id.Value)), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<CustomerEvent>> GetCustomerEventsAsync(CustomerId id, CancellationToken cancellationToken)
        => ReadAsync(reader => ReadAll<CustomerEvent>(reader.Command(SqliteSchema.SelectCustomerEvents, s_idParameter), Blob(id.Value)), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyCollection<string>> FindInboundMessagesAsync(string channel, IReadOnlyCollection<string> externalIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(externalIds);
        // An id that is not valid UTF-16 is never stored (see IsValidKey); left out so it cannot match the U+FFFD form.
        var valid = IsValidKey(channel) ? externalIds.Where(id => id is not null && IsValidKey(id)).ToArray() : [];
        if (valid.Length == 0)
        {
            return Task.FromResult<IReadOnlyCollection<string>>([]);
        }

        var ids = SqliteJson.Serialize(valid);
        return ReadAsync<IReadOnlyCollection<string>>(reader =>
        {
            var command = reader.Command(SqliteSchema.SelectInboundKeys, ("$channel", SqliteType.Text), ("$externalIds", SqliteType.Text));
            command.Parameters[0].Value = channel;
            command.Parameters[1].Value = ids;
            var found = new HashSet<string>(StringComparer.Ordinal);
            using var rows = command.ExecuteReader();
            while (rows.Read())
            {
                found.Add(rows.GetString(0));
            }

            return found;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<string?> GetCheckpointAsync(string channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        if (!IsValidKey(channel))
        {
            return Task.FromResult<string?>(null);
        }

        return ReadAsync(reader =>
        {
            var command = reader.Command(SqliteSchema.SelectCheckpoint, ("$channel", SqliteType.Text));
            command.Parameters[0].Value = channel;
            return command.ExecuteScalar() as string;
        }, cancellationToken);
    }

    /// <summary>Closes every connection; the last one to close checkpoints the WAL into the database file.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _writeLock.Wait();
        try
        {
            CloseAll();
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Closes every connection; the last one to close checkpoints the WAL into the database file.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        await _writeLock.WaitAsync().ConfigureAwait(false);
        try
        {
            CloseAll();
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private void CloseAll()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _readers.Dispose();
        CloseWriter();
    }

    private async Task InitializeCoreAsync(CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (!_initialized)
            {
                OpenWriter();
                _initialized = true;
            }
        }
        finally
        {
            _writeLock.Release();
        }
    }

    // Runs under _writeLock.
    private void OpenWriter()
    {
        try
        {
            var folder = Path.GetDirectoryName(DatabasePath);
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }

            _writer = new SqliteConnection(_writerConnectionString);
            _writer.Open();
            Execute(_writer, $"PRAGMA busy_timeout = {(long)_options.BusyTimeout.TotalMilliseconds};");
            var journal = Convert.ToString(Scalar(_writer, "PRAGMA journal_mode = WAL;"), CultureInfo.InvariantCulture);
            if (!string.Equals(journal, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new InteractionStoreException(
                    $"The SQLite database '{DatabasePath}' cannot use the WAL journal (journal_mode is '{journal}'); put it on a local file system.");
            }

            Execute(_writer, _options.Synchronous == SqliteSynchronousMode.Full ? "PRAGMA synchronous = FULL;" : "PRAGMA synchronous = NORMAL;");
            Migrate(_writer);
            _statements = new WriteStatements(_writer);
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
        {
            CloseWriter();
            throw new InteractionStoreException($"The SQLite database '{DatabasePath}' could not be opened: {ex.Message}", ex);
        }
        catch
        {
            CloseWriter();
            throw;
        }
    }

    private void Migrate(SqliteConnection connection)
    {
        using var transaction = connection.BeginTransaction();
        Execute(connection, SqliteSchema.CreateVersionTable, transaction);
        var version = Convert.ToInt32(Scalar(connection, SqliteSchema.SelectVersion, transaction), CultureInfo.InvariantCulture);
        if (version > SqliteSchema.LatestVersion)
        {
            throw new InteractionStoreException(
                $"The SQLite database '{DatabasePath}' has schema version {version}; this version of ContactCenter.Storage.Sqlite knows versions up to {SqliteSchema.LatestVersion}. Use a newer package.");
        }

        for (var next = version + 1; next <= SqliteSchema.LatestVersion; next++)
        {
            Execute(connection, SqliteSchema.Migrations[next - 1], transaction);
            using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = SqliteSchema.InsertVersion;
            record.Parameters.AddWithValue("$version", next);
            record.Parameters.AddWithValue("$appliedAt", _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
            record.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    private void CloseWriter()
    {
        _statements?.Dispose();
        _statements = null;
        _writer?.Dispose();
        _writer = null;
        _initialized = false;
    }

    // Everything that can fail without touching the database is done before the writer is taken.
    private static Payloads Serialize(StoreChanges changes)
    {
        try
        {
            var customers = new string[changes.Customers.Count];
            for (var i = 0; i < customers.Length; i++)
            {
                var customer = changes.Customers[i] ?? throw new InteractionStoreException("The commit contains a null customer.");
                if (customer.MergedInto == customer.Id)
                {
                    throw new InteractionStoreException($"Customer {customer.Id} cannot be merged into itself.");
                }

                customers[i] = SqliteJson.Serialize(customer);
            }

            foreach (var (identity, _) in changes.Identities)
            {
                if (identity.Value is null)
                {
                    throw new InteractionStoreException("The commit contains an empty customer identity.");
                }

                if (!IsValidKey(identity.Value) || !IsValidKey(identity.Kind.Name))
                {
                    throw InvalidKey("Customer identity", identity.ToString());
                }
            }

            // The hub puts a new projection of an interaction in the batch for every message; only the last of
            // each is written (last wins either way), which saves most of the projection writes of a busy batch.
            var interactions = new string?[changes.Interactions.Count];
            var latest = interactions.Length > 1 ? new Dictionary<InteractionId, int>(interactions.Length) : null;
            for (var i = interactions.Length - 1; i >= 0; i--)
            {
                var interaction = changes.Interactions[i] ?? throw new InteractionStoreException("The commit contains a null interaction.");
                if (interaction.Channel is null || interaction.ConversationKey is null)
                {
                    throw new InteractionStoreException($"Interaction {interaction.Id} has no channel or conversation key.");
                }

                if (!IsValidKey(interaction.Channel) || !IsValidKey(interaction.ConversationKey))
                {
                    throw InvalidKey($"The channel or conversation key of interaction {interaction.Id}", interaction.Channel + "/" + interaction.ConversationKey);
                }

                if (latest is null || latest.TryAdd(interaction.Id, i))
                {
                    interactions[i] = SqliteJson.Serialize(interaction);
                }
                else
                {
                    EnsureSameFixedValues(interaction, changes.Interactions[latest[interaction.Id]]);
                }
            }

            var events = new string[changes.Events.Count];
            for (var i = 0; i < events.Length; i++)
            {
                events[i] = SqliteJson.Serialize(changes.Events[i] ?? throw new InteractionStoreException("The commit contains a null timeline event."));
            }

            var customerEvents = new string[changes.CustomerEvents.Count];
            for (var i = 0; i < customerEvents.Length; i++)
            {
                customerEvents[i] = SqliteJson.Serialize(changes.CustomerEvents[i] ?? throw new InteractionStoreException("The commit contains a null customer event."));
            }

            foreach (var (channel, externalId) in changes.InboundMessageKeys)
            {
                if (channel is null || externalId is null)
                {
                    throw new InteractionStoreException("The commit contains an inbound message key without a channel or an id.");
                }

                if (!IsValidKey(channel) || !IsValidKey(externalId))
                {
                    throw InvalidKey($"Inbound message id of channel '{channel}'", externalId);
                }
            }

            foreach (var (channel, position) in changes.Checkpoints)
            {
                if (position is null)
                {
                    throw new InteractionStoreException($"The checkpoint of channel '{channel}' is null.");
                }

                if (!IsValidKey(channel) || !IsValidKey(position))
                {
                    throw InvalidKey($"The checkpoint of channel '{channel}'", position);
                }
            }

            return new Payloads(customers, interactions, events, customerEvents);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException)
        {
            throw new InteractionStoreException($"The commit could not be serialized: {ex.Message}", ex);
        }
    }

    // Runs under _writeLock: one transaction for the whole commit.
    private void Write(StoreChanges changes, Payloads payloads)
    {
        var s = _statements!;
        try
        {
            using var transaction = _writer!.BeginTransaction();
            for (var i = 0; i < changes.Customers.Count; i++)
            {
                var customer = changes.Customers[i];
                s.UpsertCustomer.Set(0, Blob(customer.Id.Value)).Set(1, customer.MergedInto is { } target ? Blob(target.Value) : null).Set(2, customer.CreatedAt.UtcTicks)
                    .Set(3, payloads.Customers[i]).Execute(transaction);
            }

            foreach (var (identity, owner) in changes.Identities)
            {
                try
                {
                    s.UpsertIdentity.Set(0, identity.Kind.Name).Set(1, identity.Value).Set(2, Blob(owner.Value)).Execute(transaction);
                }
                catch (SqliteException ex) when (IsForeignKey(ex))
                {
                    throw new InteractionStoreException($"Identity {identity} is linked to customer {owner}, which is not stored.", ex);
                }
            }

            for (var i = 0; i < changes.Interactions.Count; i++)
            {
                if (payloads.Interactions[i] is null)
                {
                    continue;
                }

                var interaction = changes.Interactions[i];
                try
                {
                    var written = s.UpsertInteraction.Set(0, Blob(interaction.Id.Value)).Set(1, Blob(interaction.CustomerId.Value)).Set(2, interaction.Channel)
                        .Set(3, interaction.ConversationKey).Set(4, interaction.IsEnded ? 1L : 0L).Set(5, interaction.CreatedAt.UtcTicks)
                        .Set(6, payloads.Interactions[i]).Execute(transaction);
                    if (written == 0)
                    {
                        throw FixedValuesChanged(interaction);
                    }
                }
                catch (SqliteException ex) when (IsForeignKey(ex))
                {
                    throw new InteractionStoreException(
                        $"Interaction {interaction.Id} belongs to customer {interaction.CustomerId}, which is not stored.", ex);
                }
            }

            for (var i = 0; i < changes.Events.Count; i++)
            {
                InsertEvent(s, transaction, changes.Events[i], payloads.Events[i]);
            }

            for (var i = 0; i < changes.CustomerEvents.Count; i++)
            {
                var e = changes.CustomerEvents[i];
                try
                {
                    s.InsertCustomerEvent.Set(0, Blob(e.Id.Value)).Set(1, Blob(e.CustomerId.Value)).Set(2, payloads.CustomerEvents[i]).Execute(transaction);
                }
                catch (SqliteException ex) when (ex.SqliteErrorCode == SqliteConstraint)
                {
                    throw new InteractionStoreException(IsForeignKey(ex)
                        ? $"Customer event {e.Id} belongs to customer {e.CustomerId}, which is not stored."
                        : $"Customer event {e.Id} is already stored; events are appended once.", ex);
                }
            }

            foreach (var (channel, externalId) in changes.InboundMessageKeys)
            {
                try
                {
                    s.InsertInboundKey.Set(0, channel).Set(1, externalId).Execute(transaction);
                }
                catch (SqliteException ex) when (ex.SqliteErrorCode == SqliteConstraint)
                {
                    throw new InteractionStoreException(
                        $"Inbound message '{externalId}' of channel '{channel}' is already stored; a redelivery must be dropped, not stored again.", ex);
                }
            }

            foreach (var (channel, position) in changes.Checkpoints)
            {
                s.UpsertCheckpoint.Set(0, channel).Set(1, position).Execute(transaction);
            }

            transaction.Commit();
        }
        catch (InteractionStoreException)
        {
            // A constraint failed; the transaction was rolled back by its disposal and the writer is fine.
            throw;
        }
        catch (SqliteException ex)
        {
            // Anything else (disk full, I/O error, database locked past the busy timeout): start over with a fresh
            // writer on the next commit rather than trust this one.
            CloseWriter();
            throw new InteractionStoreException($"The commit to the SQLite database '{DatabasePath}' failed; nothing was written: {ex.Message}", ex);
        }
    }

    // Ids are stored big-endian: version 7 ids then sort by time as bytes, so the indexes on them grow at the end.
    private static byte[] Blob(Guid id) => id.ToByteArray(bigEndian: true);

    private static Guid GuidFrom(SqliteDataReader rows, int column)
    {
        var bytes = (byte[])rows.GetValue(column);
        return bytes.Length == 16 ? new Guid(bytes, bigEndian: true) : throw new InteractionStoreException("The SQLite database holds an id that is not 16 bytes.");
    }

    private static void InsertEvent(WriteStatements s, SqliteTransaction transaction, TimelineEvent e, string data)
    {
        try
        {
            s.InsertEvent.Set(0, Blob(e.Id.Value)).Set(1, Blob(e.InteractionId.Value)).Set(2, data).Execute(transaction);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == SqliteConstraint)
        {
            throw new InteractionStoreException(IsForeignKey(ex)
                ? $"Timeline event {e.Id} belongs to interaction {e.InteractionId}, which is not stored."
                : $"Timeline event {e.Id} is already stored; events are appended once.", ex);
        }
    }

    private static void EnsureSameFixedValues(Interaction earlier, Interaction later)
    {
        if (earlier.CustomerId != later.CustomerId || !string.Equals(earlier.Channel, later.Channel, StringComparison.Ordinal)
            || !string.Equals(earlier.ConversationKey, later.ConversationKey, StringComparison.Ordinal) || earlier.CreatedAt.UtcTicks != later.CreatedAt.UtcTicks)
        {
            throw FixedValuesChanged(later);
        }
    }

    private static InteractionStoreException FixedValuesChanged(Interaction interaction) => new(
        $"Interaction {interaction.Id} would change its customer, channel, conversation key or creation time; those are fixed when it is first stored.");

    private static bool IsValidKey(string s) => StoreKeys.IsValid(s);

    private static InteractionStoreException InvalidKey(string what, string value) => StoreKeys.Invalid(what, value);

    private static bool IsForeignKey(SqliteException ex)
        => ex.SqliteErrorCode == SqliteConstraint && ex.SqliteExtendedErrorCode == SqliteConstraintForeignKey;

    private async Task<T> ReadAsync<T>(Func<SqliteReaderPool.Reader, T> read, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        var reader = RentReader();
        try
        {
            return read(reader);
        }
        catch (SqliteException ex)
        {
            reader.Broken = true;
            throw new InteractionStoreException($"Reading the SQLite database '{DatabasePath}' failed: {ex.Message}", ex);
        }
        catch (JsonException ex)
        {
            throw new InteractionStoreException($"The SQLite database '{DatabasePath}' holds a record that cannot be read: {ex.Message}", ex);
        }
        finally
        {
            _readers.Return(reader);
        }
    }

    private SqliteReaderPool.Reader RentReader()
    {
        try
        {
            return _readers.Rent();
        }
        catch (SqliteException ex)
        {
            throw new InteractionStoreException($"The SQLite database '{DatabasePath}' could not be opened for reading: {ex.Message}", ex);
        }
    }

    private static T? ReadOne<T>(Microsoft.Data.Sqlite.SqliteCommand command, object key)
        where T : class
    {
        command.Parameters[0].Value = key;
        using var rows = command.ExecuteReader();
        return rows.Read() ? SqliteJson.Deserialize<T>(rows.GetString(0)) : null;
    }

    private static IReadOnlyList<T> ReadAll<T>(Microsoft.Data.Sqlite.SqliteCommand command, object? key)
    {
        if (key is not null)
        {
            command.Parameters[0].Value = key;
        }

        using var rows = command.ExecuteReader();
        var result = new List<T>();
        while (rows.Read())
        {
            result.Add(SqliteJson.Deserialize<T>(rows.GetString(0)));
        }

        return result.ToArray();
    }

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    /// <summary>The JSON of a commit's records, in the order of the lists of its <see cref="StoreChanges"/>; <see langword="null"/> for a projection a later one in the same commit replaces.</summary>
    private sealed record Payloads(string[] Customers, string?[] Interactions, string[] Events, string[] CustomerEvents);

    /// <summary>The writer's prepared statements.</summary>
    private sealed class WriteStatements : IDisposable
    {
        public WriteStatements(SqliteConnection writer)
        {
            UpsertCustomer = new(writer, SqliteSchema.UpsertCustomer,
                ("$id", SqliteType.Blob), ("$mergedInto", SqliteType.Blob), ("$createdAt", SqliteType.Integer), ("$data", SqliteType.Text));
            UpsertIdentity = new(writer, SqliteSchema.UpsertIdentity,
                ("$kind", SqliteType.Text), ("$value", SqliteType.Text), ("$customerId", SqliteType.Blob));
            UpsertInteraction = new(writer, SqliteSchema.UpsertInteraction,
                ("$id", SqliteType.Blob), ("$customerId", SqliteType.Blob), ("$channel", SqliteType.Text), ("$conversationKey", SqliteType.Text),
                ("$ended", SqliteType.Integer), ("$createdAt", SqliteType.Integer), ("$data", SqliteType.Text));
            InsertEvent = new(writer, SqliteSchema.InsertEvent, ("$id", SqliteType.Blob), ("$interactionId", SqliteType.Blob), ("$data", SqliteType.Text));
            InsertCustomerEvent = new(writer, SqliteSchema.InsertCustomerEvent, ("$id", SqliteType.Blob), ("$customerId", SqliteType.Blob), ("$data", SqliteType.Text));
            InsertInboundKey = new(writer, SqliteSchema.InsertInboundKey, ("$channel", SqliteType.Text), ("$externalId", SqliteType.Text));
            UpsertCheckpoint = new(writer, SqliteSchema.UpsertCheckpoint, ("$channel", SqliteType.Text), ("$position", SqliteType.Text));
        }

        public SqliteStatement UpsertCustomer { get; }

        public SqliteStatement UpsertIdentity { get; }

        public SqliteStatement UpsertInteraction { get; }

        public SqliteStatement InsertEvent { get; }

        public SqliteStatement InsertCustomerEvent { get; }

        public SqliteStatement InsertInboundKey { get; }

        public SqliteStatement UpsertCheckpoint { get; }

        public void Dispose()
        {
            UpsertCustomer.Dispose();
            UpsertIdentity.Dispose();
            UpsertInteraction.Dispose();
            InsertEvent.Dispose();
            InsertCustomerEvent.Dispose();
            InsertInboundKey.Dispose();
            UpsertCheckpoint.Dispose();
        }
    }
}
