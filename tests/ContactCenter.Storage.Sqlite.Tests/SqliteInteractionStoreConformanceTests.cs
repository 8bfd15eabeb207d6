using ContactCenter.Storage.Sqlite;
using ContactCenter.Storage.TestKit;

namespace ContactCenter.Storage.Sqlite.Tests;

/// <summary>The conformance kit against <see cref="SqliteInteractionStore"/>, on a file in a temp folder per test.</summary>
public sealed class SqliteInteractionStoreConformanceTests : InteractionStoreConformanceTests
{
    private readonly TempFolder _folder = new();
    private int _stores;

    protected override bool SupportsReopen => true;

    protected override IInteractionStore CreateStore()
        => new SqliteInteractionStore(new SqliteStorageOptions { DataSource = _folder.File($"store-{++_stores}.db") });

    protected override IInteractionStore ReopenStore(IInteractionStore previous)
        => new SqliteInteractionStore(new SqliteStorageOptions { DataSource = ((SqliteInteractionStore)previous).DatabasePath });

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _folder.Dispose();
    }
}
