using BenchmarkDotNet.Attributes;
using ContactCenter.Channels;
using ContactCenter.Testing;

namespace ContactCenter.Benchmarks;

/// <summary>
/// Durable ingest: an inbound message handed to the hub → customer resolved, threaded into its open
/// interaction, appended to the store in a batched commit → acknowledged to the connector. Many connectors
/// (producers) send at once, as they do in production; each awaits its acknowledgement before sending the next.
/// </summary>
[MemoryDiagnoser]
public class DurableIngestBenchmarks
{
    private const int MessagesPerInvoke = 16384;
    private const int Conversations = 512;

    private string? _folder;
    private ContactCenterTestHost? _host;
    private InMemoryChannel? _channel;
    private long _sequence;

    /// <summary>Where history is kept.</summary>
    [Params("sqlite", "memory")]
    public string Store { get; set; } = "sqlite";

    /// <summary>Connectors sending at the same time.</summary>
    [Params(1, 64, 256)]
    public int Producers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("cc-ingest-").FullName;
        var path = Path.Combine(_folder, "ingest.db");
        _channel = new InMemoryChannel("chat");
        _host = ContactCenterTestHost.StartAsync(cc =>
        {
            cc.AddQueue("support");
            if (Store == "sqlite")
            {
                cc.UseSqliteStorage(path);
            }
        }, _channel).GetAwaiter().GetResult();

        // Open the conversations first, so that the measured path is the steady state: messages threading into open interactions.
        for (var c = 0; c < Conversations; c++)
        {
            _channel.ReceiveAsync(Message(c)).AsTask().GetAwaiter().GetResult();
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _host?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_folder is not null)
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Benchmark(OperationsPerInvoke = MessagesPerInvoke, Description = "inbound message -> persisted -> acknowledged")]
    public Task Ingest()
    {
        var perProducer = MessagesPerInvoke / Producers;
        var producers = new Task[Producers];
        for (var p = 0; p < Producers; p++)
        {
            var producer = p;
            producers[p] = Task.Run(async () =>
            {
                for (var i = 0; i < perProducer; i++)
                {
                    await _channel!.ReceiveAsync(Message((producer * perProducer + i) % Conversations)).ConfigureAwait(false);
                }
            });
        }

        return Task.WhenAll(producers);
    }

    private InboundMessage Message(int conversation)
    {
        var n = Interlocked.Increment(ref _sequence);
        return new InboundMessage
        {
            Channel = "chat",
            Media = MediaType.Chat,
            ConversationKey = "conv-" + conversation,
            From = CustomerIdentity.WebVisitor("visitor-" + conversation),
            ExternalId = "m-" + n,
            Content = MessageContent.FromText("Hello, where is my order?"),
            Checkpoint = n.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }
}
