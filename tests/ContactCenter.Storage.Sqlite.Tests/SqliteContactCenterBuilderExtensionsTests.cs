using ContactCenter.Hosting.Configuration;
using ContactCenter.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Storage.Sqlite.Tests;

public sealed class SqliteContactCenterBuilderExtensionsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task UseSqliteStorage_AfterAnotherStore_ReplacesItWithSqlite()
    {
        var builder = new TestBuilder();
        builder.Services.AddSingleton<IInteractionStore, InMemoryInteractionStore>();

        builder.UseSqliteStorage(_folder.File("cc.db"));

        await using var services = builder.Services.BuildServiceProvider();
        var store = Assert.IsType<SqliteInteractionStore>(services.GetRequiredService<IInteractionStore>());
        Assert.Equal(_folder.File("cc.db"), store.DatabasePath);
        Assert.Single(builder.Services, d => d.ServiceType == typeof(IInteractionStore));
        Assert.Empty(services.GetServices<IContactCenterConfigurationCheck>().SelectMany(c => c.Validate()));
    }

    [Fact]
    public async Task UseSqliteStorage_CalledTwice_RegistersOneStoreAndOneCheckWithLastOptions()
    {
        var builder = new TestBuilder();

        builder.UseSqliteStorage(_folder.File("first.db")).UseSqliteStorage(o => o.DataSource = _folder.File("second.db"));

        await using var services = builder.Services.BuildServiceProvider();
        Assert.Single(builder.Services, d => d.ServiceType == typeof(IInteractionStore));
        Assert.Single(services.GetServices<IContactCenterConfigurationCheck>());
        Assert.Equal(_folder.File("second.db"), ((SqliteInteractionStore)services.GetRequiredService<IInteractionStore>()).DatabasePath);
    }

    [Fact]
    public async Task UseSqliteStorage_BrokenOptions_CheckReportsEveryProblemWithItsOption()
    {
        var builder = new TestBuilder();

        builder.UseSqliteStorage(o => o.BusyTimeout = TimeSpan.FromHours(2));

        await using var services = builder.Services.BuildServiceProvider();
        var problems = services.GetServices<IContactCenterConfigurationCheck>().SelectMany(c => c.Validate()).ToList();
        Assert.Equal(2, problems.Count);
        Assert.StartsWith("ContactCenter:Storage:Sqlite:DataSource: section 'ContactCenter:Storage:Sqlite', option 'DataSource': is missing", problems[0], StringComparison.Ordinal);
        Assert.StartsWith("ContactCenter:Storage:Sqlite:BusyTimeout: ", problems[1], StringComparison.Ordinal);
    }

    private sealed class TestBuilder : IContactCenterBuilder
    {
        public IServiceCollection Services { get; } = new ServiceCollection();
    }
}
