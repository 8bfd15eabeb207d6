using System.Collections.Immutable;
using ContactCenter.Channels;
using ContactCenter.Storage;
using ContactCenter.Storage.Sqlite;
using ContactCenter.Testing;
using CsCheck;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ContactCenter.Hosting.Tests;

/// <summary>
/// Random inbound traffic with bad messages (nulls, huge values, lone surrogates, control characters, redeliveries,
/// cancelled tokens, a foreign channel) interleaved with good ones, on both stores: every good message is stored
/// exactly once, every bad one is refused with an <see cref="ArgumentException"/> (a cancelled one with a
/// cancellation) or stored readably, the checkpoint only moves forward, and everything reads back after a restart.
/// </summary>
public sealed class InboundBadInputPropertyTests : IDisposable
{
    private const string Lone = "\uDC00";
    private readonly string _folder = Directory.CreateTempSubdirectory("cc-badinput-").FullName;
    private int _run;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private enum Kind
    {
        Good,
        GoodLeaves,
        NullContent,
        NullContentLeaves,
        LoneSurrogateId,
        LoneSurrogateConversation,
        LoneSurrogateFrom,
        LoneSurrogateCheckpoint,
        LoneSurrogateText,
        ControlCharacterId,
        ControlCharacterText,
        HugeText,
        HugeId,
        NullAttributeValue,
        BlankConversation,
        ForeignChannel,
        Redelivery,
        Cancelled,
    }

    private static readonly Gen<(Kind Kind, int N)> s_op = Gen.Select(
        Gen.Frequency((6, Gen.Const(Kind.Good)), (1, Gen.Const(Kind.GoodLeaves)), (6, Gen.Enum<Kind>())),
        Gen.Int[0, 1_000]);

    [Fact]
    public void AcceptAsync_RandomBadInputInMemory_GoodStoredOnceBadRefusedOrReadable()
        => s_op.Array[10, 40].Sample(ops => RunAsync(ops, sqlite: false).GetAwaiter().GetResult(), iter: 12, threads: 1);

    [Fact]
    public void AcceptAsync_RandomBadInputSqlite_GoodStoredOnceBadRefusedOrReadableAfterReopen()
        => s_op.Array[10, 40].Sample(ops => RunAsync(ops, sqlite: true).GetAwaiter().GetResult(), iter: 8, threads: 1);

    private sealed record Sent(int Index, Kind Kind, InboundMessage Message, string? ExpectedText, bool Cancelled);

    private sealed record Outcome(Sent Sent, InboundReceipt? Receipt, Exception? Error);

    private async Task RunAsync((Kind Kind, int N)[] ops, bool sqlite)
    {
        var run = Interlocked.Increment(ref _run);
        var path = Path.Combine(_folder, $"run-{run}.db");
        var memory = new InMemoryInteractionStore();
        void Compose(IContactCenterBuilder cc)
        {
            cc.AddQueue("support");
            if (sqlite)
            {
                cc.UseSqliteStorage(path);
            }
            else
            {
                // The same instance after the restart: the in-memory "reopen" is a new hub over the same store.
                cc.Services.Replace(ServiceDescriptor.Singleton<IInteractionStore>(memory));
            }
        }

        var host = await ContactCenterTestHost.StartAsync(Compose, new InMemoryChannel(), new InMemoryChannel("email", MediaType.Email));
        var outcomes = new List<Outcome>();
        var stored = new List<Sent>();
        try
        {
            // Chunks are sent concurrently so that they share hub batches; a chunk is awaited before the next so
            // that a redelivery always follows its original.
            for (var start = 0; start < ops.Length; start += 8)
            {
                var chunk = new List<Task<Outcome>>();
                for (var i = start; i < Math.Min(ops.Length, start + 8); i++)
                {
                    var sent = Build(run, i, ops[i].Kind, ops[i].N, stored);
                    chunk.Add(SendAsync(host, sent));
                }

                foreach (var outcome in await Task.WhenAll(chunk))
                {
                    outcomes.Add(outcome);
                    if (outcome.Receipt is { Duplicate: false })
                    {
                        stored.Add(outcome.Sent);
                    }
                }
            }

            foreach (var o in outcomes)
            {
                CheckOutcome(o);
            }

            var interactions = outcomes.Where(o => o.Receipt is { Duplicate: false }).Select(o => o.Receipt!.Value.InteractionId).Distinct().ToArray();
            var store = host.Services.GetRequiredService<IInteractionStore>();
            await CheckStoredAsync(store, outcomes, interactions);
            var checkpoint = ExpectedCheckpoint(outcomes);
            Assert.Equal(checkpoint, await store.GetCheckpointAsync("chat", default));

            host = await host.RestartAsync();
            Assert.Equal(checkpoint, host.GetChannel("chat").StartCheckpoint);
            await CheckStoredAsync(host.Services.GetRequiredService<IInteractionStore>(), outcomes, interactions);
            if (stored.FirstOrDefault() is { } first)
            {
                var again = await host.GetChannel("chat").ReceiveAsync(first.Message);
                Assert.True(again.Duplicate);
            }
        }
        finally
        {
            await host.DisposeAsync();
        }

        if (sqlite)
        {
            var interactions = outcomes.Where(o => o.Receipt is { Duplicate: false }).Select(o => o.Receipt!.Value.InteractionId).Distinct().ToArray();
            await using var reopened = new SqliteInteractionStore(new SqliteStorageOptions { DataSource = path });
            await reopened.InitializeAsync(default);
            await CheckStoredAsync(reopened, outcomes, interactions);
        }
    }

    private static Sent Build(int run, int index, Kind kind, int n, List<Sent> stored)
    {
        var key = $"conv-{n % 4}";
        var good = new InboundMessage
        {
            Channel = "chat",
            Media = MediaType.Chat,
            ConversationKey = key,
            From = CustomerIdentity.WebVisitor($"visitor-{n % 4}"),
            DisplayName = $"Visitor {n % 4}",
            ExternalId = $"m-{run}-{index}",
            Content = MessageContent.FromText($"text {index}"),
            Checkpoint = index.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return kind switch
        {
            Kind.Good => new(index, kind, good, good.Content.Text, false),
            Kind.GoodLeaves => new(index, kind, good with { EndsInteraction = true }, good.Content.Text, false),
            Kind.NullContent => new(index, kind, good with { Content = null! }, null, false),
            Kind.NullContentLeaves => new(index, kind, good with { Content = null!, EndsInteraction = true }, null, false),
            Kind.LoneSurrogateId => new(index, kind, good with { ExternalId = good.ExternalId + Lone }, null, false),
            Kind.LoneSurrogateConversation => new(index, kind, good with { ConversationKey = key + Lone }, null, false),
            Kind.LoneSurrogateFrom => new(index, kind, good with { From = CustomerIdentity.WebVisitor("visitor" + Lone) }, null, false),
            Kind.LoneSurrogateCheckpoint => new(index, kind, good with { Checkpoint = good.Checkpoint + Lone }, null, false),
            Kind.LoneSurrogateText => new(index, kind, good with
            {
                Content = MessageContent.FromText($"text {index} \uD83D-{Lone}\uD83D\uDE00{Lone}\uD83D"),
                Attributes = ImmutableDictionary<string, string>.Empty.Add("subject", "s" + Lone),
            }, $"text {index} \uFFFD-\uFFFD\uD83D\uDE00\uFFFD\uFFFD", false),
            Kind.ControlCharacterId => new(index, kind, good with { ExternalId = good.ExternalId + "\n\0" }, null, false),
            Kind.ControlCharacterText => new(index, kind, good with { Content = MessageContent.FromText($"text {index}\0\u0007\r\n\u001b[0m") },
                $"text {index}\0\u0007\r\n\u001b[0m", false),
            Kind.HugeText => new(index, kind, good with { Content = MessageContent.FromText(new string('x', 50_000 + n * 100)) }, new string('x', 50_000 + n * 100), false),
            Kind.HugeId => new(index, kind, good with { ExternalId = new string('i', 5_000 + n) }, null, false),
            Kind.NullAttributeValue => new(index, kind, good with { Attributes = ImmutableDictionary<string, string>.Empty.Add("subject", null!) }, null, false),
            Kind.BlankConversation => new(index, kind, good with { ConversationKey = " \t" }, null, false),
            Kind.ForeignChannel => new(index, kind, good with { Channel = "email" }, null, false),
            Kind.Redelivery when stored.Count > 0 => new(index, kind, stored[n % stored.Count].Message, null, false),
            Kind.Redelivery => new(index, Kind.Good, good, good.Content.Text, false),
            Kind.Cancelled => new(index, kind, good, null, true),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    private static async Task<Outcome> SendAsync(ContactCenterTestHost host, Sent sent)
    {
        using var cts = new CancellationTokenSource();
        if (sent.Cancelled)
        {
            await cts.CancelAsync();
        }

        try
        {
            return new(sent, await host.GetChannel("chat").ReceiveAsync(sent.Message, cts.Token), null);
        }
        catch (Exception ex)
        {
            return new(sent, null, ex);
        }
    }

    private static void CheckOutcome(Outcome o)
    {
        switch (o.Sent.Kind)
        {
            case Kind.Good or Kind.GoodLeaves or Kind.LoneSurrogateText or Kind.ControlCharacterText or Kind.HugeText:
                Assert.Null(o.Error);
                Assert.False(o.Receipt!.Value.Duplicate);
                break;
            case Kind.Redelivery:
                Assert.Null(o.Error);
                Assert.True(o.Receipt!.Value.Duplicate);
                break;
            case Kind.Cancelled:
                Assert.IsAssignableFrom<OperationCanceledException>(o.Error);
                break;
            default:
                var error = Assert.IsAssignableFrom<ArgumentException>(o.Error);
                Assert.Contains("InboundMessage.", error.Message, StringComparison.Ordinal);
                break;
        }
    }

    private static async Task CheckStoredAsync(IInteractionStore store, List<Outcome> outcomes, InteractionId[] interactions)
    {
        var messages = new List<MessageEvent>();
        foreach (var id in interactions)
        {
            messages.AddRange((await store.GetTimelineAsync(id, default)).OfType<MessageEvent>());
        }

        Assert.NotNull(await store.GetActiveInteractionsAsync(default));
        foreach (var o in outcomes.Where(o => o.Receipt is { Duplicate: false }))
        {
            var id = o.Sent.Message.ExternalId!;
            var message = Assert.Single(messages, m => m.ExternalId == id);
            Assert.Equal(o.Sent.ExpectedText, message.Content.Text);
            Assert.Equal(o.Receipt!.Value.InteractionId, message.InteractionId);
        }

        // Nothing of a refused or cancelled message was stored (ids that are valid keys can be asked for).
        var refused = outcomes.Where(o => o.Error is not null && o.Sent.Message.ExternalId is { Length: < 100 } id && !id.Contains('\n', StringComparison.Ordinal) && !id.EndsWith(Lone, StringComparison.Ordinal))
            .Select(o => o.Sent.Message.ExternalId!).Where(id => outcomes.All(x => x.Error is not null || x.Sent.Message.ExternalId != id)).ToArray();
        Assert.Empty(await store.FindInboundMessagesAsync("chat", refused, default));
    }

    private static string? ExpectedCheckpoint(List<Outcome> outcomes)
        => outcomes.Where(o => o.Receipt is { Duplicate: false }).Select(o => (int?)o.Sent.Index).Max()?.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
