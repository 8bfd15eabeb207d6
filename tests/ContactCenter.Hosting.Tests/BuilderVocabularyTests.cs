using System.Reflection;
using ContactCenter.Channels;
using ContactCenter.Ivr;
using ContactCenter.Routing;
using ContactCenter.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Hosting.Tests;

public class BuilderVocabularyTests
{
    private static readonly DateTimeOffset Monday = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task AddFlowJsonFile_RelativePath_ResolvesAgainstContentRoot()
    {
        var root = Directory.CreateTempSubdirectory("cc-content-root-");
        try
        {
            Directory.CreateDirectory(Path.Combine(root.FullName, "flows"));
            await File.WriteAllTextAsync(Path.Combine(root.FullName, "flows", "welcome.json"),
                """{ "name": "welcome", "nodes": [ { "id": "bye", "type": "end", "message": "Bye." } ] }""",
                TestContext.Current.CancellationToken);
            // The current directory is not the content root: the old behaviour (relative to it) would not find the file.
            Assert.NotEqual(Path.GetFullPath(root.FullName).TrimEnd(Path.DirectorySeparatorChar),
                Directory.GetCurrentDirectory().TrimEnd(Path.DirectorySeparatorChar));
            var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = root.FullName });
            builder.AddContactCenter(cc => cc.AddQueue("support").AddFlowJsonFile(Path.Combine("flows", "welcome.json")));
            using var host = builder.Build();

            await host.StartAsync(TestContext.Current.CancellationToken);
            try
            {
                Assert.Contains("welcome", host.Services.GetRequiredService<FlowCatalog>().FlowNames);
            }
            finally
            {
                await host.StopAsync(TestContext.Current.CancellationToken);
            }
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task AddFlowJsonFile_MissingRelativeFile_ReportsPathUnderContentRoot()
    {
        var root = Directory.CreateTempSubdirectory("cc-content-root-");
        try
        {
            var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = root.FullName });
            builder.AddContactCenter(cc => cc.AddQueue("support").AddFlowJsonFile("flows/missing.json"));
            using var host = builder.Build();

            var ex = await Assert.ThrowsAsync<ContactCenterConfigurationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

            Assert.Contains(Path.GetFullPath(Path.Combine(root.FullName, "flows/missing.json")), ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task UseSqliteStorage_RelativePath_ResolvesAgainstContentRoot()
    {
        var root = Directory.CreateTempSubdirectory("cc-content-root-");
        try
        {
            var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = root.FullName });
            builder.AddContactCenter(cc => cc.AddQueue("support").UseSqliteStorage(Path.Combine("data", "cc.db")));
            using (var host = builder.Build())
            {
                await host.StartAsync(TestContext.Current.CancellationToken);
                await host.StopAsync(TestContext.Current.CancellationToken);
            }

            Assert.True(File.Exists(Path.Combine(root.FullName, "data", "cc.db")));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            root.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task UseTimeProvider_FakeClock_SetsContactCenterClockOnly()
    {
        await using var host = await ContactCenterTestHost.StartAsync(cc => cc.AddQueue("support"));

        var receipt = await host.Customer(CustomerIdentity.Email("ann@example.com")).SayAsync("Hello");
        var interaction = await host.ContactCenter.GetInteractionAsync(receipt.InteractionId, TestContext.Current.CancellationToken);

        // The contact center runs on the test host's fake clock ...
        Assert.Equal(host.Clock.GetUtcNow(), interaction!.CreatedAt);
        // ... while the application's TimeProvider stays the system clock for every other component.
        Assert.Same(TimeProvider.System, host.Services.GetRequiredService<TimeProvider>());
        Assert.NotSame(host.Clock, host.Services.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public async Task AddContactCenter_ApplicationTimeProvider_IsContactCenterClockByDefault()
    {
        var appClock = new FakeTimeProvider(Monday.AddDays(3));
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton<TimeProvider>(appClock);
        var chat = new InMemoryChannel("chat", timeProvider: appClock);
        builder.AddContactCenter(cc => cc.AddQueue("support").AddChannel(chat));
        using var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        try
        {
            var receipt = await chat.ReceiveAsync(new InboundMessage
            {
                Channel = "chat",
                Media = MediaType.Chat,
                ConversationKey = "ann",
                From = CustomerIdentity.Email("ann@example.com"),
                ExternalId = "ann#1",
                Content = MessageContent.FromText("Hello"),
            }, TestContext.Current.CancellationToken);
            var interaction = await host.Services.GetRequiredService<IContactCenter>()
                .GetInteractionAsync(receipt.InteractionId, TestContext.Current.CancellationToken);

            Assert.Equal(appClock.GetUtcNow(), interaction!.CreatedAt);
        }
        finally
        {
            await host.StopAsync(TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task ConfigureRouting_EveryStrategyAndEngineOption_IsAccepted()
    {
        var strategies = new Action<ContactCenterRoutingBuilder>[]
        {
            r => r.UseLongestIdle(), r => r.UseRoundRobin(), r => r.UseBestSkillScore(), r => r.UseLeastOccupied(),
            r => r.UseLeastTalkTime(), r => r.UseRingAll(), r => r.UseWeightedRandom(), r => r.UseCustomStrategy(a => -a.Load),
        };
        foreach (var strategy in strategies)
        {
            await using var host = await ContactCenterTestHost.StartAsync(cc => cc
                .AddQueue("support")
                .AddAgent("alice")
                .ConfigureRouting(strategy)
                .ConfigureRouting(r =>
                {
                    r.OfferTimeout = TimeSpan.FromSeconds(15);
                    r.MissedOffersBeforeAway = 2;
                    r.DeclineCooldown = TimeSpan.FromSeconds(1);
                    r.CommandCapacity = 1024;
                    r.AutomaticTimers = true;
                }));
            var alice = await host.LogInAgentAsync("alice");

            await host.Customer(CustomerIdentity.Email("ann@example.com")).SayAsync("Hello");

            Assert.Equal(InteractionState.Connected, (await alice.AcceptNextOfferAsync()).State);
        }
    }

    [Fact]
    public async Task ConfigureRouting_InvalidEngineOption_IsReportedUnderRoutingSection()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.AddContactCenter(cc => cc.AddQueue("support").ConfigureRouting(r => r.CommandCapacity = 3));
        using var host = builder.Build();

        var ex = await Assert.ThrowsAsync<ContactCenterConfigurationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains(ex.Problems, p => p.StartsWith("ContactCenter:Routing", StringComparison.Ordinal) && p.Contains("CommandCapacity", StringComparison.Ordinal));
    }

    [Fact]
    public void ContactCenterRoutingBuilder_PublicSurface_HasNoEngineQueuesAgentsOrSlots()
    {
        var engineTypes = new[] { typeof(QueueSlot), typeof(AgentSlot), typeof(TenantSlot), typeof(SkillSlot), typeof(RoutingOptions), typeof(QueueOptions), typeof(AgentOptions) };
        var members = typeof(ContactCenterRoutingBuilder).GetMembers(BindingFlags.Public | BindingFlags.Instance);

        var leaking = members
            .SelectMany(m => m switch
            {
                MethodInfo method => method.GetParameters().Select(p => p.ParameterType).Append(method.ReturnType),
                PropertyInfo property => [property.PropertyType],
                _ => [],
            })
            .SelectMany(t => t.IsGenericType ? t.GetGenericArguments().Append(t) : [t])
            .Where(engineTypes.Contains)
            .ToList();

        Assert.Empty(leaking);
        Assert.DoesNotContain(members, m => m.Name is "AddQueue" or "AddAgent" or "Options");
    }
}
