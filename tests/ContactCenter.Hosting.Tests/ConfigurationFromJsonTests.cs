using System.Text;
using ContactCenter.Channels;
using ContactCenter.Storage.Sqlite;
using ContactCenter.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Hosting.Tests;

/// <summary>A whole contact center configured from <c>appsettings.json</c> (the example of docs/configuration.md).</summary>
public sealed class ConfigurationFromJsonTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("cc-json-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task Start_WholeCenterFromJson_MessageReachesTheSkilledAgentThroughTheFlow()
    {
        var ct = TestContext.Current.CancellationToken;
        File.WriteAllText(Path.Combine(_folder.FullName, "welcome.json"), """
            { "name": "welcome",
              "nodes": [
                { "id": "hello", "type": "say", "text": "Welcome to Acme." },
                { "id": "queue", "type": "enqueue", "queue": "billing", "next": "sorry" },
                { "id": "sorry", "type": "end", "message": "Sorry, we cannot take your request now." } ] }
            """);
        var json = """
            {
              "ContactCenter": {
                "MaxBatchSize": 128,
                "IngestQueueCapacity": 5000,
                "DeliveryAttempts": 5,
                "DeliveryRetryDelay": "00:00:02",
                "AllowUnknownAgents": false,
                "DefaultQueue": "support",
                "Tenants": [ { "Id": "acme", "DisplayName": "Acme Inc." } ],
                "Queues": [
                  { "Id": "support", "DisplayName": "Support", "Tenant": "acme" },
                  { "Id": "billing", "DisplayName": "Billing", "Tenant": "acme", "RequiredSkills": { "billing": 5 },
                    "Language": "en", "Priority": 10, "ServiceLevelTarget": "00:00:30", "MaxLength": 50,
                    "OfferTimeout": "00:00:25", "OverflowQueue": "support" }
                ],
                "Agents": [
                  { "Id": "alice", "DisplayName": "Alice", "Skills": { "billing": 8 }, "Languages": [ "en", "de" ],
                    "Capacity": { "Chat": 2, "Voice": 0 }, "Tenants": [ "acme" ] },
                  { "Id": "bob", "Skills": { "billing": 2 }, "Languages": [ "en" ], "Tenants": [ "acme" ] }
                ],
                "WrapUpCodes": [ { "Code": "resolved", "DisplayName": "Resolved", "Resolved": true }, { "Code": "follow-up" } ],
                "ChannelQueues": { "chat": "support" },
                "Routing": { "Strategy": "round-robin", "OfferTimeout": "00:00:25", "MissedOffersBeforeAway": 2,
                             "DeclineCooldown": "00:00:03" },
                "Flows": { "Files": [ "welcome.json" ], "Channels": { "chat": "welcome" } },
                "Storage": { "Sqlite": { "DataSource": "data/cc.db", "BusyTimeout": "00:00:10" } }
              }
            }
            """;
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = _folder.FullName });
        builder.Configuration.AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        var chat = new InMemoryChannel("chat");
        builder.AddContactCenter(cc => cc
            .AddChannel(chat)
            .UseTimeProvider(new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero)))
            .UseSqliteStorage(o => o.DataSource = Path.Combine(_folder.FullName, o.DataSource!)));
        using var host = builder.Build();
        await host.StartAsync(ct);
        try
        {
            var options = host.Services.GetRequiredService<IOptions<ContactCenterOptions>>().Value;
            Assert.Equal((128, 5000, 5, TimeSpan.FromSeconds(2)), (options.MaxBatchSize, options.IngestQueueCapacity, options.DeliveryAttempts, options.DeliveryRetryDelay));
            Assert.Equal(new QueueId("support"), options.DefaultQueue);
            Assert.Equal(new TenantDefinition(new TenantId("acme"), "Acme Inc."), Assert.Single(options.Tenants));
            var billing = options.Queues.Single(q => q.Id == new QueueId("billing"));
            Assert.Equal(
                (5, "en", (TenantId?)new TenantId("acme"), 10, TimeSpan.FromSeconds(30), 50, TimeSpan.FromSeconds(25), (QueueId?)new QueueId("support")),
                (billing.RequiredSkills["billing"], billing.Language, billing.Tenant, billing.Priority, billing.ServiceLevelTarget, billing.MaxLength, billing.OfferTimeout, billing.OverflowQueue));
            var alice = options.Agents.Single(a => a.Id == new AgentId("alice"));
            Assert.Equal(8, alice.Skills["billing"]);
            Assert.True(alice.Languages.SetEquals(["en", "de"]));
            Assert.Equal((2, 0, 5), (alice.Capacity[MediaType.Chat], alice.Capacity[MediaType.Voice], alice.Capacity[MediaType.Email]));
            Assert.Equal([new TenantId("acme")], alice.Tenants);
            Assert.Equal([new WrapUpCode("resolved", "Resolved", true), new WrapUpCode("follow-up")], options.WrapUpCodes);
            Assert.Equal(new QueueId("support"), options.ChannelQueues["chat"]);
            Assert.True(File.Exists(Path.Combine(_folder.FullName, "data", "cc.db")));
            Assert.Equal(TimeSpan.FromSeconds(10), host.Services.GetRequiredService<IOptions<SqliteStorageOptions>>().Value.BusyTimeout);

            var center = host.Services.GetRequiredService<IContactCenter>();
            var aliceSession = await center.LogInAsync(new AgentId("alice"), AgentState.Available, ct);
            var bobSession = await center.LogInAsync(new AgentId("bob"), AgentState.Available, ct);
            var receipt = await chat.ReceiveAsync(new InboundMessage
            {
                Channel = "chat",
                Media = MediaType.Chat,
                ConversationKey = "ann",
                From = CustomerIdentity.Email("ann@example.com"),
                ExternalId = "ann#1",
                Content = MessageContent.FromText("My invoice is wrong."),
            }, ct);

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(30));
            Assert.Equal("Welcome to Acme.", (await chat.ReadSentAsync("ann", timeout.Token)).Content.Text);
            var offer = await NextOfferAsync(aliceSession, timeout.Token);
            Assert.Equal(receipt.InteractionId, offer.InteractionId);
            Assert.Equal(new QueueId("billing"), offer.Interaction.Queue);
            Assert.Contains("round-robin", offer.Explanation, StringComparison.Ordinal);
            // bob's billing level 2 is below the queue's 5.
            while (bobSession.Notifications.TryRead(out var notification))
            {
                Assert.IsNotType<OfferNotification>(notification);
            }
        }
        finally
        {
            await host.StopAsync(ct);
        }
    }

    [Fact]
    public async Task Start_UnreadableJsonValues_EveryOneNamedWithTheOtherProblems()
    {
        var json = """
            {
              "ContactCenter": {
                "MaxBatchSize": "many",
                "Queues": [ { "Id": "support", "Priority": "high", "OfferTimeout": "soon", "Skils": { "billing": 1 } },
                            { "DisplayName": "no id" } ],
                "Agents": { "bob": { "Skills": { "billing": "expert", "sales": 11 }, "Capacity": { "Fax": 1 } } },
                "Routing": { "Strategy": "fastest" },
                "Queus": [ { "Id": "sales" } ]
              }
            }
            """;
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        builder.AddContactCenter(cc => cc.AddChannel(new InMemoryChannel("chat")));
        using var host = builder.Build();

        var ex = await Assert.ThrowsAsync<ContactCenterConfigurationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        string[] expected =
        [
            "ContactCenter:MaxBatchSize: section 'ContactCenter', option 'MaxBatchSize': 'many' is not a whole number",
            "ContactCenter:Queues:support:Priority: section 'ContactCenter:Queues', item 'support', option 'Priority': 'high' is not a whole number",
            "ContactCenter:Queues:support:OfferTimeout: section 'ContactCenter:Queues', item 'support', option 'OfferTimeout': 'soon' is not a time span",
            "ContactCenter:Queues:support:Skils: section 'ContactCenter:Queues', item 'support', option 'Skils': is not an option of this section; allowed: Id, DisplayName, RequiredSkills",
            "ContactCenter:Queues:1:Id: section 'ContactCenter:Queues', item '1', option 'Id': is missing",
            "ContactCenter:Agents:bob:Skills:billing: section 'ContactCenter:Agents', item 'bob', option 'Skills:billing': 'expert' is not a whole number",
            "ContactCenter:Agents:bob:Capacity:Fax: section 'ContactCenter:Agents', item 'bob', option 'Capacity:Fax': is not a media type; allowed: Voice, Chat, Email, Task",
            "ContactCenter:Routing:Strategy: section 'ContactCenter:Routing', option 'Strategy': 'fastest' is not a routing strategy; allowed: longest-idle, round-robin",
            "ContactCenter:Queus: section 'ContactCenter', option 'Queus': is not an option of this section; allowed: MaxBatchSize",
            // Read values are still validated: the agent (keyed by id) has a level out of range.
            "ContactCenter:Agents:bob:Skills:sales: section 'ContactCenter:Agents', item 'bob', option 'Skills:sales': level 11 is out of range; allowed: 0 to 10",
        ];
        foreach (var start in expected)
        {
            Assert.Contains(ex.Problems, p => p.StartsWith(start, StringComparison.Ordinal));
        }

        Assert.Equal(expected.Length, ex.Problems.Count);
    }

    [Fact]
    public void AddContactCenter_ConfigurationAndCode_CodeAppliesAfterConfiguration()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ContactCenter:MaxBatchSize"] = "128",
            ["ContactCenter:Queues:support:Priority"] = "1",
            ["ContactCenter:Routing:Strategy"] = "round-robin",
        });
        builder.AddContactCenter(cc => cc
            .Configure(o => o.MaxBatchSize = 64)
            .AddQueue("sales")
            .ConfigureRouting(r => r.UseLeastOccupied()));
        using var host = builder.Build();

        var options = host.Services.GetRequiredService<IOptions<ContactCenterOptions>>().Value;
        Assert.Equal(64, options.MaxBatchSize);
        Assert.Equal(["support", "sales"], options.Queues.Select(q => q.Id.Value));
        Assert.Equal(1, options.Queues[0].Priority);
        Assert.Equal("least-occupied", host.Services.GetRequiredService<Routing.RoutingConfiguration>().CreateBuilder().Options.DefaultStrategy.Name);
    }

    private static async Task<OfferNotification> NextOfferAsync(AgentSession session, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (await session.Notifications.ReadAsync(cancellationToken) is OfferNotification offer)
            {
                return offer;
            }
        }
    }
}
