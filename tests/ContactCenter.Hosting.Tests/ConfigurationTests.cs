using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Hosting.Tests;

public class ConfigurationTests
{
    [Fact]
    public async Task Start_TwoBrokenSections_FailsOnceNamingBoth()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.AddContactCenter(cc => cc
            .AddQueue("sales", q => q with { OverflowQueue = new QueueId("nowhere") })
            .Configure(o => o.MaxBatchSize = 0)
            .UseSqliteStorage(o => o.DataSource = " "));
        using var host = builder.Build();

        var ex = await Assert.ThrowsAsync<ContactCenterConfigurationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains(ex.Problems, p => p.Contains("ContactCenter:MaxBatchSize", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.Contains("OverflowQueue", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.Contains("Sqlite", StringComparison.Ordinal));
        Assert.Contains("ContactCenter:MaxBatchSize", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Sqlite", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddContactCenter_CalledTwice_ComposesOneContactCenter()
    {
        var services = new ServiceCollection();
        services.AddContactCenter(cc => cc.AddQueue("a"));
        services.AddContactCenter(cc => cc.AddQueue("b"));
        services.AddLogging();
        using var provider = services.BuildServiceProvider();

        Assert.Single(provider.GetServices<IHostedService>());
        var options = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<ContactCenterOptions>>().Value;
        Assert.Equal(["a", "b"], options.Queues.Select(q => q.Id.Value).ToArray());
    }

    [Fact]
    public async Task Start_DuplicateChannelNames_AreReported()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.AddContactCenter(cc => cc
            .AddQueue("q")
            .AddChannel(new Testing.InMemoryChannel("chat"))
            .AddChannel(new Testing.InMemoryChannel("chat")));
        using var host = builder.Build();

        var ex = await Assert.ThrowsAsync<ContactCenterConfigurationException>(() => host.StartAsync(TestContext.Current.CancellationToken));
        Assert.Contains("'chat'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_FromConfiguration_BindsScalarOptions()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ContactCenter:MaxBatchSize"] = "-5" });
        builder.AddContactCenter(cc => cc.AddQueue("q"));
        using var host = builder.Build();

        var ex = await Assert.ThrowsAsync<ContactCenterConfigurationException>(() => host.StartAsync(TestContext.Current.CancellationToken));
        Assert.Contains("(was -5)", ex.Message, StringComparison.Ordinal);
    }
}

public class RoutingConfigurationTests
{
    [Fact]
    public async Task Start_BrokenRoutingAndBrokenQueue_FailOnceNamingBoth()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.AddContactCenter(cc => cc
            .AddQueue("sales", q => q with { MaxLength = -1 })
            .ConfigureRouting(r => r.OfferTimeout = TimeSpan.Zero));
        using var host = builder.Build();

        var ex = await Assert.ThrowsAsync<ContactCenterConfigurationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains(ex.Problems, p => p.Contains("ContactCenter:Routing", StringComparison.Ordinal) && p.Contains("OfferTimeout", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.Contains("ContactCenter:Queues:sales:MaxLength", StringComparison.Ordinal));
    }
}

public class LoggingRegistrationTests
{
    [Fact]
    public void AddLoggingAfterAddContactCenter_HostLoggingIsUsed()
    {
        var provider = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddContactCenter(cc => cc.AddQueue("q"));
        services.AddLogging(l => l.AddProvider(provider));
        using var sp = services.BuildServiceProvider();

        sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<LoggingRegistrationTests>>().LogWarning("hello");

        Assert.Contains("hello", provider.Messages);
    }

    private sealed class CapturingLoggerProvider : Microsoft.Extensions.Logging.ILoggerProvider
    {
        public List<string> Messages { get; } = [];

        public Microsoft.Extensions.Logging.ILogger CreateLogger(string categoryName) => new Logger(Messages);

        public void Dispose()
        {
        }

        private sealed class Logger(List<string> messages) : Microsoft.Extensions.Logging.ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

            public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
                => messages.Add(formatter(state, exception));
        }
    }
}

public class ConfigurationBindingTests
{
    [Fact]
    public void AddContactCenterOnHostBuilderTwice_BindsConfigurationOnce()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ContactCenter:WrapUpCodes:0:Code"] = "resolved" });
        builder.AddContactCenter();
        builder.AddContactCenter();
        using var host = builder.Build();

        var options = host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ContactCenterOptions>>().Value;
        Assert.Single(options.WrapUpCodes);
    }
}
