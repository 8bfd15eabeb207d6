using System.Reflection;
using ContactCenter.Channels;
using ContactCenter.Storage;
using ContactCenter.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ContactCenter.Core.Tests;

/// <summary>What the hub does with bad, repeated, cancelled or misaddressed inbound messages, and with failing sends.</summary>
public class InboundMessageTests
{
    private const string LoneSurrogate = "\uD83D";

    private static void Basic(IContactCenterBuilder cc) => cc
        .AddQueue("support")
        .AddAgent("alice", ("support", 5));

    private static InboundMessage Message(string key, string? externalId = null, string text = "hello", string channel = "chat") => new()
    {
        Channel = channel,
        Media = MediaType.Chat,
        ConversationKey = key,
        From = CustomerIdentity.WebVisitor("v-" + key),
        ExternalId = externalId,
        Content = MessageContent.FromText(text),
    };

    private static async Task<(ContactCenterTestHost Host, FailingStore Store)> StartWithHeldStoreAsync(Action<IContactCenterBuilder>? extra = null)
    {
        var store = new FailingStore();
        var host = await ContactCenterTestHost.StartAsync(cc =>
        {
            Basic(cc);
            cc.Services.Replace(ServiceDescriptor.Singleton<IInteractionStore>(store));
            extra?.Invoke(cc);
        });
        return (host, store);
    }

    /// <summary>Holds the store's next commit so that the messages sent meanwhile land in one batch; returns the held message.</summary>
    private static async Task<ValueTask<InboundReceipt>> HoldNextCommitAsync(ContactCenterTestHost host, FailingStore store)
    {
        store.CommitGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var held = host.Channel.ReceiveAsync(Message("held", "held-1"));
        await store.CommitEntered.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        return held;
    }

    [Fact]
    public async Task AcceptAsync_NullContentEndingConversation_ThrowsNamingTheFieldAndOthersInBatchCommit()
    {
        var (host, store) = await StartWithHeldStoreAsync();
        await using var _ = host;
        var held = await HoldNextCommitAsync(host, store);

        var good = Enumerable.Range(0, 20).Select(i => host.Channel.ReceiveAsync(Message($"good-{i}", $"g-{i}")).AsTask()).ToArray();
        var ex = await Assert.ThrowsAsync<ArgumentException>(async () => await host.Channel.ReceiveAsync(
            Message("bad", "b-1") with { Content = null!, EndsInteraction = true }));
        Assert.Contains("InboundMessage.Content", ex.Message, StringComparison.Ordinal);
        store.CommitGate!.SetResult();

        await held;
        var receipts = await Task.WhenAll(good);
        Assert.All(receipts, r => Assert.False(r.Duplicate));
        Assert.Null(await store.FindCustomerAsync(CustomerIdentity.WebVisitor("v-bad"), default));
        foreach (var receipt in receipts)
        {
            Assert.Single((await store.GetTimelineAsync(receipt.InteractionId, default)).OfType<MessageEvent>());
        }
    }

    [Fact]
    public async Task AcceptAsync_CommandFailsHalfWay_FailsAloneAndOthersInBatchCommit()
    {
        var flows = DispatchProxy.Create<IFlowLauncher, FlowSelectionFailure>();
        var (host, store) = await StartWithHeldStoreAsync(cc => cc.Services.AddSingleton(flows));
        await using var _ = host;
        var held = await HoldNextCommitAsync(host, store);

        var before = Enumerable.Range(0, 10).Select(i => host.Channel.ReceiveAsync(Message($"a-{i}", $"a-{i}")).AsTask()).ToArray();
        var boom = host.Channel.ReceiveAsync(Message(FlowSelectionFailure.FailingKey, "boom-1")).AsTask();
        var after = Enumerable.Range(0, 10).Select(i => host.Channel.ReceiveAsync(Message($"z-{i}", $"z-{i}")).AsTask()).ToArray();
        store.CommitGate!.SetResult();

        await held;
        await Assert.ThrowsAsync<InvalidOperationException>(() => boom);
        var receipts = await Task.WhenAll(before.Concat(after));
        Assert.Equal(20, receipts.Select(r => r.InteractionId).Distinct().Count());
        foreach (var receipt in receipts)
        {
            var interaction = await store.GetInteractionAsync(receipt.InteractionId, default);
            Assert.Equal(InteractionState.Queued, interaction!.State);
            Assert.Single((await store.GetTimelineAsync(receipt.InteractionId, default)).OfType<MessageEvent>());
        }

        Assert.Null(await store.FindCustomerAsync(CustomerIdentity.WebVisitor("v-" + FlowSelectionFailure.FailingKey), default));
        Assert.False((await store.FindInboundMessagesAsync("chat", ["boom-1"], default)).Count > 0);
    }

    [Fact]
    public async Task AcceptAsync_NullContent_ThrowsNamingTheFieldAndStoresNothing()
    {
        await using var host = await ContactCenterTestHost.StartAsync(Basic);
        var ex = await Assert.ThrowsAsync<ArgumentException>(async () => await host.Channel.ReceiveAsync(Message("k", "n-1") with { Content = null! }));
        Assert.Contains("InboundMessage.Content", ex.Message, StringComparison.Ordinal);
        var store = host.Services.GetRequiredService<IInteractionStore>();
        Assert.Null(await store.FindCustomerAsync(CustomerIdentity.WebVisitor("v-k"), default));
        Assert.Empty(await store.GetActiveInteractionsAsync(default));
    }

    [Theory]
    [InlineData("ExternalId")]
    [InlineData("ConversationKey")]
    [InlineData("Checkpoint")]
    [InlineData("From")]
    public async Task AcceptAsync_KeyWithLoneSurrogate_ThrowsNamingTheField(string field)
    {
        await using var host = await ContactCenterTestHost.StartAsync(Basic);
        var message = field switch
        {
            "ExternalId" => Message("k", "id-" + LoneSurrogate),
            "ConversationKey" => Message("k-" + LoneSurrogate, "id-1"),
            "Checkpoint" => Message("k", "id-1") with { Checkpoint = "7" + LoneSurrogate },
            _ => Message("k", "id-1") with { From = CustomerIdentity.WebVisitor("v-" + LoneSurrogate) },
        };

        var ex = await Assert.ThrowsAsync<ArgumentException>(async () => await host.Channel.ReceiveAsync(message));
        Assert.Contains("InboundMessage." + field, ex.Message, StringComparison.Ordinal);
        Assert.Contains("UTF-16", ex.Message, StringComparison.Ordinal);
        Assert.Empty(await host.Services.GetRequiredService<IInteractionStore>().GetActiveInteractionsAsync(default));
    }

    [Fact]
    public async Task AcceptAsync_FreeTextWithLoneSurrogates_IsStoredWithReplacementCharacters()
    {
        await using var host = await ContactCenterTestHost.StartAsync(Basic);
        var receipt = await host.Channel.ReceiveAsync(Message("k", "id-1", text: "a" + LoneSurrogate + "b\uDE00\uD83D\uDE00") with
        {
            DisplayName = "Ann" + LoneSurrogate,
            Attributes = System.Collections.Immutable.ImmutableDictionary<string, string>.Empty.Add("subject", "x" + LoneSurrogate),
        });

        var timeline = await host.ContactCenter.GetTimelineAsync(receipt.InteractionId);
        Assert.Equal("a\uFFFDb\uFFFD\uD83D\uDE00", timeline.OfType<MessageEvent>().Single().Content.Text);
        Assert.Equal("x\uFFFD", (await host.ContactCenter.GetInteractionAsync(receipt.InteractionId))!.Attributes["subject"]);
        var store = host.Services.GetRequiredService<IInteractionStore>();
        Assert.Equal("Ann\uFFFD", (await store.GetCustomerAsync(receipt.CustomerId, default))!.DisplayName);
    }

    [Fact]
    public async Task AcceptAsync_TokenAlreadyCancelled_ThrowsAndStoresNothing()
    {
        await using var host = await ContactCenterTestHost.StartAsync(Basic);
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await host.Channel.ReceiveAsync(Message("k", "c-1"), cts.Token));

        var store = host.Services.GetRequiredService<IInteractionStore>();
        Assert.Null(await store.FindCustomerAsync(CustomerIdentity.WebVisitor("v-k"), default));
        Assert.Empty(await store.FindInboundMessagesAsync("chat", ["c-1"], default));
        var again = await host.Channel.ReceiveAsync(Message("k", "c-1"));
        Assert.False(again.Duplicate);
    }

    [Fact]
    public async Task AcceptAsync_TokenCancelledWhileQueued_ThrowsAndStoresNothing()
    {
        var (host, store) = await StartWithHeldStoreAsync();
        await using var _ = host;
        var held = await HoldNextCommitAsync(host, store);
        using var cts = new CancellationTokenSource();

        var queued = host.Channel.ReceiveAsync(Message("k", "c-1"), cts.Token).AsTask();
        await cts.CancelAsync();
        store.CommitGate!.SetResult();

        await held;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queued);
        Assert.Null(await store.FindCustomerAsync(CustomerIdentity.WebVisitor("v-k"), default));
        Assert.Empty(await store.FindInboundMessagesAsync("chat", ["c-1"], default));
    }

    [Fact]
    public async Task AcceptAsync_DuplicateWithOlderCheckpoint_KeepsTheLaterCheckpoint()
    {
        await using var host = await ContactCenterTestHost.StartAsync(Basic);
        var store = host.Services.GetRequiredService<IInteractionStore>();
        await host.Channel.ReceiveAsync(Message("k", "m-5") with { Checkpoint = "5" });
        await host.Channel.ReceiveAsync(Message("k", "m-10") with { Checkpoint = "10" });

        var redelivered = await host.Channel.ReceiveAsync(Message("k", "m-5") with { Checkpoint = "5" });

        Assert.True(redelivered.Duplicate);
        Assert.Equal("10", await store.GetCheckpointAsync("chat", default));
    }

    [Fact]
    public async Task AcceptAsync_NumericCheckpointOutOfOrder_OnlyMovesForward()
    {
        await using var host = await ContactCenterTestHost.StartAsync(Basic);
        var store = host.Services.GetRequiredService<IInteractionStore>();
        await host.Channel.ReceiveAsync(Message("k", "m-100") with { Checkpoint = "100" });
        await host.Channel.ReceiveAsync(Message("k", "m-99") with { Checkpoint = "99" });
        Assert.Equal("100", await store.GetCheckpointAsync("chat", default));

        await host.Channel.ReceiveAsync(Message("k", "m-101") with { Checkpoint = "101" });
        Assert.Equal("101", await store.GetCheckpointAsync("chat", default));

        // An opaque position is the connector's to decide when it comes with a new message.
        await host.Channel.ReceiveAsync(Message("k", "m-x") with { Checkpoint = "offset=abc" });
        Assert.Equal("offset=abc", await store.GetCheckpointAsync("chat", default));
        await host.Channel.ReceiveAsync(Message("k", "m-100") with { Checkpoint = "offset=old" });
        Assert.Equal("offset=abc", await store.GetCheckpointAsync("chat", default));
    }

    [Fact]
    public async Task AcceptAsync_ChannelOfAnotherConnector_IsRejected()
    {
        var email = new InMemoryChannel("email", MediaType.Email);
        await using var host = await ContactCenterTestHost.StartAsync(Basic, services: null, channels: [new InMemoryChannel(), email]);

        var other = await Assert.ThrowsAsync<ArgumentException>(async () => await host.Channel.ReceiveAsync(Message("k", "x-1", channel: "email")));
        Assert.Contains("InboundMessage.Channel", other.Message, StringComparison.Ordinal);
        var media = await Assert.ThrowsAsync<ArgumentException>(async () => await host.Channel.ReceiveAsync(Message("k", "x-2") with { Media = MediaType.Voice }));
        Assert.Contains("InboundMessage.Media", media.Message, StringComparison.Ordinal);
        var unknown = await Assert.ThrowsAsync<ArgumentException>(async () => await host.Services.GetRequiredService<IInboundSink>().AcceptAsync(Message("k", "x-3", channel: "nowhere"), default));
        Assert.Contains("no registered channel connector", unknown.Message, StringComparison.Ordinal);

        Assert.Empty(await host.Services.GetRequiredService<IInteractionStore>().GetActiveInteractionsAsync(default));
    }

    [Fact]
    public async Task Reply_ConnectorThrowsHttpRequestException_IsRetriedAndRecorded()
    {
        await using var host = await ContactCenterTestHost.StartAsync(Basic);
        var alice = await host.LogInAgentAsync("alice");
        var customer = host.Customer(CustomerIdentity.Email("http@example.com"));
        await customer.SayAsync("hi");
        var interaction = await alice.AcceptNextOfferAsync();

        host.Channel.FailNextSends(1, () => new HttpRequestException("503 Service Unavailable"));
        var reply = await alice.ReplyAsync(interaction.Id, "retry me");
        var delivery = host.WaitForEventAsync(interaction.Id, e => e is DeliveryEvent d && d.MessageId == reply.Id, "the delivery outcome");
        await AdvanceUntilAsync(host, delivery);

        var outcome = Assert.IsType<DeliveryEvent>(await delivery);
        Assert.True(outcome.Delivered);
        Assert.Equal(2, outcome.Attempts);
        Assert.Equal("retry me", await customer.ReceiveTextAsync());
    }

    [Fact]
    public async Task Reply_ConnectorKeepsThrowing_EndsInDeliveryFailedEventTheAgentSees()
    {
        await using var host = await ContactCenterTestHost.StartAsync(Basic);
        var alice = await host.LogInAgentAsync("alice");
        await host.Customer(CustomerIdentity.Email("down@example.com")).SayAsync("hi");
        var interaction = await alice.AcceptNextOfferAsync();

        host.Channel.FailNextSends(100, () => new HttpRequestException("connection refused"));
        var reply = await alice.ReplyAsync(interaction.Id, "never arrives");
        var told = alice.WaitForAsync<DeliveryFailedNotification>();
        await AdvanceUntilAsync(host, told);

        var notification = await told;
        Assert.Equal(reply.Id, notification.Delivery.MessageId);
        Assert.False(notification.Delivery.Delivered);
        Assert.Equal(3, notification.Delivery.Attempts);
        Assert.Contains("connection refused", notification.Delivery.Error, StringComparison.Ordinal);
        var timeline = await host.ContactCenter.GetTimelineAsync(interaction.Id);
        Assert.Contains(timeline, e => e is DeliveryEvent { Delivered: false } d && d.MessageId == reply.Id);
    }

    private static async Task AdvanceUntilAsync(ContactCenterTestHost host, Task done)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!done.IsCompleted)
        {
            limit.Token.ThrowIfCancellationRequested();
            host.Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(done, Task.Delay(10, TestContext.Current.CancellationToken));
        }
    }
}

/// <summary>A flow launcher that never selects a flow, and fails (half-way through ingesting) for one conversation key.</summary>
public class FlowSelectionFailure : DispatchProxy
{
    /// <summary>The conversation key whose flow selection fails.</summary>
    public const string FailingKey = "boom";

    /// <inheritdoc />
    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        if (targetMethod?.Name == nameof(IFlowLauncher.SelectFlow) && args is [Interaction { ConversationKey: FailingKey }])
        {
            throw new InvalidOperationException("flow selection failed (simulated)");
        }

        return targetMethod?.ReturnType is { IsValueType: true } type && type != typeof(void) ? Activator.CreateInstance(type) : null;
    }
}
