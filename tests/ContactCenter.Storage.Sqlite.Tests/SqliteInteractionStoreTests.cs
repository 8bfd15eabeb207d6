using System.Diagnostics;
using ContactCenter.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace ContactCenter.Storage.Sqlite.Tests;

/// <summary>What only the SQLite store has: its file, WAL, schema version, batching and options.</summary>
public sealed class SqliteInteractionStoreTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly TempFolder _folder = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task InitializeAsync_NewFile_TurnsOnWalAndRecordsSchemaVersion()
    {
        var path = _folder.File("wal.db");
        await using (var store = new SqliteInteractionStore(new SqliteStorageOptions { DataSource = path }))
        {
            await store.InitializeAsync(Ct);
            Assert.Equal(path, store.DatabasePath);
        }

        await using var connection = OpenRaw(path);
        Assert.Equal("wal", Scalar(connection, "PRAGMA journal_mode;"));
        Assert.Equal(1L, Scalar(connection, "SELECT MAX(version) FROM schema_version;"));
    }

    [Fact]
    public async Task InitializeAsync_MissingFolder_CreatesFolderAndFile()
    {
        var path = Path.Combine(_folder.Path, "nested", "deeper", "cc.db");
        await using var store = new SqliteInteractionStore(new SqliteStorageOptions { DataSource = path });

        await store.InitializeAsync(Ct);

        Assert.True(File.Exists(path));
    }

    [Fact]
    public async Task InitializeAsync_SchemaNewerThanLibrary_ThrowsNamingVersions()
    {
        var path = _folder.File("newer.db");
        await using (var store = new SqliteInteractionStore(new SqliteStorageOptions { DataSource = path }))
        {
            await store.InitializeAsync(Ct);
        }

        await using (var connection = OpenRaw(path))
        {
            Scalar(connection, "INSERT INTO schema_version (version, applied_at) VALUES (99, 'later');");
        }

        await using var reopened = new SqliteInteractionStore(new SqliteStorageOptions { DataSource = path });
        var error = await Assert.ThrowsAsync<InteractionStoreException>(() => reopened.InitializeAsync(Ct));
        Assert.Contains("schema version 99", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InitializeAsync_FileIsNotADatabase_ThrowsInteractionStoreException()
    {
        var path = _folder.File("garbage.db");
        await File.WriteAllTextAsync(path, new string('x', 4096), Ct);
        await using var store = new SqliteInteractionStore(new SqliteStorageOptions { DataSource = path });

        var error = await Assert.ThrowsAsync<InteractionStoreException>(() => store.InitializeAsync(Ct));
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReopenStore_AfterDisposeWithFullSync_FileHoldsEveryCommit()
    {
        var path = _folder.File("survives.db");
        var batch = Batch(64, out var interactions);
        await using (var store = new SqliteInteractionStore(new SqliteStorageOptions { DataSource = path, Synchronous = SqliteSynchronousMode.Full }))
        {
            await store.CommitAsync(batch, Ct);
        }

        Assert.True(new FileInfo(path).Length > 0);
        await using var reopened = new SqliteInteractionStore(new SqliteStorageOptions { ConnectionString = $"Data Source={path}" });
        Assert.Equal(interactions.Length, (await reopened.GetActiveInteractionsAsync(Ct)).Count);
        Assert.Equal(2, (await reopened.GetTimelineAsync(interactions[^1], Ct)).Count);
        Assert.Equal("64", await reopened.GetCheckpointAsync("chat:web", Ct));
    }

    [Fact]
    public async Task CommitAsync_BatchesOf256Messages_StoreEveryMessage()
    {
        await using var store = new SqliteInteractionStore(new SqliteStorageOptions { DataSource = _folder.File("batch.db") });
        await store.InitializeAsync(Ct);
        var contact = Batch(1, out var ids);
        await store.CommitAsync(contact, Ct);
        const int Commits = 40;
        var batches = Enumerable.Range(0, Commits).Select(b => Messages(ids[0], b, 256)).ToArray();

        var watch = Stopwatch.StartNew();
        foreach (var batch in batches)
        {
            await store.CommitAsync(batch, Ct);
        }

        watch.Stop();
        var perSecond = Commits / watch.Elapsed.TotalSeconds;
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{Commits} commits of 256 messages in {watch.Elapsed.TotalMilliseconds:F0} ms: {perSecond:F0} commits/s, {perSecond * 256:F0} messages/s");
        Assert.Equal(1 + (Commits * 256), (await store.GetTimelineAsync(ids[0], Ct)).Count);
        Assert.Single(await store.FindInboundMessagesAsync("chat:web", [$"{Commits - 1}-255"], Ct));
        Assert.Equal($"{Commits - 1}", await store.GetCheckpointAsync("chat:web", Ct));
    }

    [Fact]
    public void Constructor_NothingSet_NamesDataSourceOption()
    {
        var error = Assert.Throws<ContactCenterConfigurationException>(() => new SqliteInteractionStore(new SqliteStorageOptions()));

        Assert.StartsWith("ContactCenter:Storage:Sqlite:DataSource: section 'ContactCenter:Storage:Sqlite', option 'DataSource': is missing", Assert.Single(error.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_SeveralBadOptions_ListsEveryProblemWithItsOption()
    {
        var options = new SqliteStorageOptions
        {
            ConnectionString = "Data Source=:memory:",
            BusyTimeout = TimeSpan.Zero,
            Synchronous = (SqliteSynchronousMode)7,
        };

        var error = Assert.Throws<ContactCenterConfigurationException>(() => new SqliteInteractionStore(options));

        Assert.Equal(3, error.Problems.Count);
        Assert.Contains(error.Problems, p => p.StartsWith("ContactCenter:Storage:Sqlite:ConnectionString: ", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith("ContactCenter:Storage:Sqlite:BusyTimeout: ", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith("ContactCenter:Storage:Sqlite:Synchronous: ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null, "Data Source=a.db;Mode=ReadOnly", "ContactCenter:Storage:Sqlite:ConnectionString: section 'ContactCenter:Storage:Sqlite', option 'ConnectionString': opens the database read-only")]
    [InlineData(null, "Mode=ReadWrite", "ContactCenter:Storage:Sqlite:ConnectionString: section 'ContactCenter:Storage:Sqlite', option 'ConnectionString': names no Data Source")]
    [InlineData(null, "Data Source=a.db;Bogus Key=1", "ContactCenter:Storage:Sqlite:ConnectionString: section 'ContactCenter:Storage:Sqlite', option 'ConnectionString': is not a valid SQLite connection string")]
    [InlineData(":memory:", null, "ContactCenter:Storage:Sqlite:DataSource: section 'ContactCenter:Storage:Sqlite', option 'DataSource': names an in-memory database")]
    [InlineData("a.db", "Data Source=b.db", "ContactCenter:Storage:Sqlite:DataSource: section 'ContactCenter:Storage:Sqlite', option 'DataSource': is set together with ConnectionString")]
    public void Constructor_BadSource_NamesTheOption(string? dataSource, string? connectionString, string expected)
    {
        var options = new SqliteStorageOptions { DataSource = dataSource, ConnectionString = connectionString };

        var error = Assert.Throws<ContactCenterConfigurationException>(() => new SqliteInteractionStore(options));

        Assert.StartsWith(expected, Assert.Single(error.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_DataSourceIsAFolder_NamesDataSourceOption()
    {
        var error = Assert.Throws<ContactCenterConfigurationException>(() => new SqliteInteractionStore(new SqliteStorageOptions { DataSource = _folder.Path }));

        Assert.StartsWith("ContactCenter:Storage:Sqlite:DataSource: section 'ContactCenter:Storage:Sqlite', option 'DataSource': names a folder", Assert.Single(error.Problems), StringComparison.Ordinal);
    }

    /// <summary>A new customer with <paramref name="count"/> open chat interactions, each with its created event and a checkpoint.</summary>
    private static StoreChanges Batch(int count, out InteractionId[] interactions)
    {
        var changes = new StoreChanges();
        var customer = new Customer { Id = CustomerId.New(T0), CreatedAt = T0 };
        var identity = CustomerIdentity.WebVisitor("visitor-1");
        changes.Customers.Add(customer);
        changes.Identities.Add(new(identity, customer.Id));
        interactions = new InteractionId[count];
        for (var i = 0; i < count; i++)
        {
            var at = T0.AddSeconds(i);
            var interaction = new Interaction
            {
                Id = InteractionId.New(at), CustomerId = customer.Id, Channel = "chat:web", Media = MediaType.Chat,
                ConversationKey = $"session-{i}", CustomerIdentity = identity, CreatedAt = at, UpdatedAt = at,
            };
            interactions[i] = interaction.Id;
            changes.Interactions.Add(interaction);
            changes.Events.Add(new InteractionCreatedEvent
            {
                Id = TimelineEventId.New(at), InteractionId = interaction.Id, Timestamp = at, Channel = "chat:web", Media = MediaType.Chat,
                CustomerId = customer.Id, CustomerIdentity = identity, ConversationKey = interaction.ConversationKey,
            });
        }

        if (count > 1)
        {
            changes.Events.Add(new SystemEvent { Id = TimelineEventId.New(T0), InteractionId = interactions[^1], Timestamp = T0, Kind = "note" });
        }

        changes.Checkpoints["chat:web"] = count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return changes;
    }

    /// <summary>What the hub commits for <paramref name="count"/> inbound messages: each message, its duplicate key, and the checkpoint.</summary>
    private static StoreChanges Messages(InteractionId interaction, int batch, int count)
    {
        var changes = new StoreChanges();
        for (var i = 0; i < count; i++)
        {
            var at = T0.AddMinutes(batch).AddMilliseconds(i);
            changes.Events.Add(new MessageEvent
            {
                Id = TimelineEventId.New(at), InteractionId = interaction, Timestamp = at, Direction = MessageDirection.Inbound,
                Content = MessageContent.FromText($"message {i} of batch {batch}: a line of typical chat length"), ExternalId = $"{batch}-{i}",
            });
            changes.InboundMessageKeys.Add(new("chat:web", $"{batch}-{i}"));
        }

        changes.Checkpoints["chat:web"] = batch.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return changes;
    }

    private static SqliteConnection OpenRaw(string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        return connection;
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
