namespace ContactCenter.Storage.Sqlite;

/// <summary>
/// The schema and its migrations. Migration <c>n</c> (1-based) brings a database from version <c>n - 1</c> to
/// <c>n</c> and records a row in <c>schema_version</c>; every pending migration runs in one transaction (BEGIN
/// IMMEDIATE), so two processes opening the same file never migrate it twice. Never edit a shipped
/// migration: append a new one.
/// </summary>
internal static class SqliteSchema
{
    public const string CreateVersionTable = """
        CREATE TABLE IF NOT EXISTS schema_version (
            version    INTEGER NOT NULL PRIMARY KEY,
            applied_at TEXT    NOT NULL
        );
        """;

    public const string SelectVersion = "SELECT COALESCE(MAX(version), 0) FROM schema_version;";

    public const string InsertVersion = "INSERT INTO schema_version (version, applied_at) VALUES ($version, $appliedAt);";

    /// <summary>The migrations in order; the schema version is their count.</summary>
    public static IReadOnlyList<string> Migrations { get; } =
    [
        // 1: the initial schema. Payloads are JSON; the columns beside them are what queries filter and sort on.
        """
        CREATE TABLE customers (
            id          BLOB    NOT NULL PRIMARY KEY,
            merged_into BLOB    NULL,
            created_at  INTEGER NOT NULL,
            data        TEXT    NOT NULL
        );
        CREATE INDEX ix_customers_merged_into ON customers (merged_into) WHERE merged_into IS NOT NULL;

        CREATE TABLE identities (
            kind        TEXT NOT NULL,
            value       TEXT NOT NULL,
            customer_id BLOB NOT NULL REFERENCES customers (id),
            PRIMARY KEY (kind, value)
        ) WITHOUT ROWID;
        CREATE INDEX ix_identities_customer ON identities (customer_id);

        CREATE TABLE interactions (
            seq              INTEGER PRIMARY KEY,
            id               BLOB    NOT NULL UNIQUE,
            customer_id      BLOB    NOT NULL REFERENCES customers (id),
            channel          TEXT    NOT NULL,
            conversation_key TEXT    NOT NULL,
            ended            INTEGER NOT NULL,
            created_at       INTEGER NOT NULL,
            data             TEXT    NOT NULL
        );
        CREATE INDEX ix_interactions_customer ON interactions (customer_id, created_at, seq);
        CREATE INDEX ix_interactions_open ON interactions (channel, conversation_key, created_at, seq) WHERE ended = 0;
        CREATE INDEX ix_interactions_active ON interactions (created_at, seq) WHERE ended = 0;

        CREATE TABLE timeline_events (
            seq            INTEGER PRIMARY KEY,
            id             BLOB    NOT NULL UNIQUE,
            interaction_id BLOB    NOT NULL REFERENCES interactions (id),
            data           TEXT    NOT NULL
        );
        CREATE INDEX ix_timeline_events_interaction ON timeline_events (interaction_id, seq);

        CREATE TABLE customer_events (
            seq         INTEGER PRIMARY KEY,
            id          BLOB    NOT NULL UNIQUE,
            customer_id BLOB    NOT NULL REFERENCES customers (id),
            data        TEXT    NOT NULL
        );
        CREATE INDEX ix_customer_events_customer ON customer_events (customer_id, seq);

        CREATE TABLE inbound_messages (
            channel     TEXT NOT NULL,
            external_id TEXT NOT NULL,
            PRIMARY KEY (channel, external_id)
        ) WITHOUT ROWID;

        CREATE TABLE checkpoints (
            channel  TEXT NOT NULL PRIMARY KEY,
            position TEXT NOT NULL
        ) WITHOUT ROWID;
        """,
    ];

    public static int LatestVersion => Migrations.Count;

    // Writes: prepared once on the writer connection and reused for every commit.
    public const string UpsertCustomer = """
        INSERT INTO customers (id, merged_into, created_at, data) VALUES ($id, $mergedInto, $createdAt, $data)
        ON CONFLICT (id) DO UPDATE SET merged_into = excluded.merged_into, data = excluded.data;
        """;

    public const string UpsertIdentity = """
        INSERT INTO identities (kind, value, customer_id) VALUES ($kind, $value, $customerId)
        ON CONFLICT (kind, value) DO UPDATE SET customer_id = excluded.customer_id;
        """;

    // Only the columns that change are updated: SQLite rewrites the index entries of every column named in SET.
    // The others are fixed at creation; the WHERE turns a projection that changes them into a no-op the store reports.
    public const string UpsertInteraction = """
        INSERT INTO interactions (id, customer_id, channel, conversation_key, ended, created_at, data)
        VALUES ($id, $customerId, $channel, $conversationKey, $ended, $createdAt, $data)
        ON CONFLICT (id) DO UPDATE SET ended = excluded.ended, data = excluded.data
        WHERE customer_id = excluded.customer_id AND channel = excluded.channel
            AND conversation_key = excluded.conversation_key AND created_at = excluded.created_at;
        """;

    public const string InsertEvent = "INSERT INTO timeline_events (id, interaction_id, data) VALUES ($id, $interactionId, $data);";


    public const string InsertCustomerEvent = "INSERT INTO customer_events (id, customer_id, data) VALUES ($id, $customerId, $data);";

    public const string InsertInboundKey = "INSERT INTO inbound_messages (channel, external_id) VALUES ($channel, $externalId);";

    public const string UpsertCheckpoint = """
        INSERT INTO checkpoints (channel, position) VALUES ($channel, $position)
        ON CONFLICT (channel) DO UPDATE SET position = excluded.position;
        """;

    // Reads: prepared once per reader connection.
    public const string SelectCustomer = "SELECT data FROM customers WHERE id = $id;";

    public const string SelectIdentityOwner = "SELECT customer_id FROM identities WHERE kind = $kind AND value = $value;";

    public const string SelectIdentities = "SELECT kind, value FROM identities WHERE customer_id = $id ORDER BY kind, value;";

    public const string SelectMerged = "SELECT id FROM customers WHERE merged_into = $id ORDER BY created_at, id;";

    public const string SelectInteraction = "SELECT data FROM interactions WHERE id = $id;";

    public const string SelectOpenInteraction = """
        SELECT data FROM interactions WHERE channel = $channel AND conversation_key = $key AND ended = 0
        ORDER BY created_at DESC, seq DESC LIMIT 1;
        """;

    public const string SelectInteractionsByCustomer = "SELECT data FROM interactions WHERE customer_id = $id ORDER BY created_at, seq;";

    public const string SelectActiveInteractions = "SELECT data FROM interactions WHERE ended = 0 ORDER BY created_at, seq;";

    public const string SelectTimeline = "SELECT data FROM timeline_events WHERE interaction_id = $id ORDER BY seq;";

    public const string SelectCustomerEvents = "SELECT data FROM customer_events WHERE customer_id = $id ORDER BY seq;";

    // The ids come as one JSON array parameter so that a single prepared statement serves any batch size.
    public const string SelectInboundKeys = "SELECT external_id FROM inbound_messages WHERE channel = $channel AND external_id IN (SELECT value FROM json_each($externalIds));";

    public const string SelectCheckpoint = "SELECT position FROM checkpoints WHERE channel = $channel;";
}
