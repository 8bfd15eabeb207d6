using ContactCenter.Channels;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Abstractions.Tests.Channels;

public sealed class ChannelConnectorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Constructor_InvalidOptions_ThrowsNamingEveryOption()
    {
        var options = new ChannelConnectorOptions
        {
            MinimumRetryDelay = TimeSpan.Zero,
            MaximumRetryDelay = TimeSpan.FromSeconds(-1),
            SentMessageWindow = 0,
        };

        var ex = Assert.Throws<ArgumentException>(() => new ScriptedConnector(options));

        Assert.Contains("Channels:scripted:MinimumRetryDelay", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Channels:scripted:MaximumRetryDelay", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Channels:scripted:SentMessageWindow", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SentMessageWindowZero_NamesSectionOptionAndWhatIsAllowed()
    {
        var problems = new ChannelConnectorOptions { SentMessageWindow = 0 }.Validate("Channels:scripted").ToList();

        Assert.Equal(["Channels:scripted:SentMessageWindow: section 'Channels:scripted', option 'SentMessageWindow': 0 is less than 1; allowed: 1 or more."], problems);
    }

    [Fact]
    public async Task ReadChannel_Throws_LoopRestartsAfterTheBackOffOnTheClock_FromTheLastAcceptedCheckpoint()
    {
        var clock = new FakeTimeProvider();
        await using var connector = new ScriptedConnector(new ChannelConnectorOptions { MinimumRetryDelay = TimeSpan.FromSeconds(10) }, clock);
        connector.FailPasses = 1;

        await connector.StartAsync(new NullSink(), "7", Ct);
        await connector.Passes.Reader.ReadAsync(Ct).AsTask().WaitAsync(TimeSpan.FromSeconds(30), Ct);
        await connector.Failed.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        var second = connector.Passes.Reader.ReadAsync(Ct).AsTask();
        clock.Advance(TimeSpan.FromSeconds(7));
        Assert.False(second.IsCompleted, "The loop must wait for the back-off (10 s ± 20 %) before it starts again.");
        clock.Advance(TimeSpan.FromSeconds(6));

        Assert.Equal("7", await second.WaitAsync(TimeSpan.FromSeconds(30), Ct));
        Assert.Equal(1, connector.Failures);
    }

    [Fact]
    public async Task SendAsync_MoreIdsThanTheWindow_OldestIdIsForgotten()
    {
        await using var connector = new ScriptedConnector(new ChannelConnectorOptions { SentMessageWindow = 2 });
        var first = Message();

        await connector.SendAsync(first, Ct);
        await connector.SendAsync(first, Ct);
        await connector.SendAsync(Message(), Ct);
        await connector.SendAsync(Message(), Ct);
        await connector.SendAsync(first, Ct);

        Assert.Equal(4, connector.Delivered);
    }

    [Fact]
    public async Task SendAsync_DeliveryThrows_IdIsForgottenSoTheRetryDelivers()
    {
        await using var connector = new ScriptedConnector(new ChannelConnectorOptions()) { FailSends = 1 };
        var message = Message();

        await Assert.ThrowsAsync<ChannelProtocolException>(() => connector.SendAsync(message, Ct));
        var retry = await connector.SendAsync(message, Ct);

        Assert.True(retry.Delivered);
        Assert.Equal(1, connector.Delivered);
    }

    private static OutboundMessage Message() => new()
    {
        Id = new TimelineEventId(Guid.NewGuid()),
        InteractionId = new InteractionId(Guid.NewGuid()),
        ConversationKey = "c",
        To = CustomerIdentity.Email("ann@example.com"),
        Content = new MessageContent { Text = "hi" },
    };

    private sealed class NullSink : IInboundSink
    {
        public ValueTask<InboundReceipt> AcceptAsync(InboundMessage message, CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    private sealed class ScriptedConnector(ChannelConnectorOptions options, TimeProvider? clock = null)
        : ChannelConnector("scripted", MediaType.Chat, ChannelCapabilities.Text, options, clock)
    {
        private int _delivered;

        public System.Threading.Channels.Channel<string?> Passes { get; } = System.Threading.Channels.Channel.CreateUnbounded<string?>();

        public TaskCompletionSource Failed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int FailPasses { get; set; }

        public int FailSends { get; set; }

        public int Failures { get; private set; }

        public int Delivered => Volatile.Read(ref _delivered);

        protected override async Task ReadChannelAsync(string? checkpoint, CancellationToken stopping)
        {
            Passes.Writer.TryWrite(checkpoint);
            if (FailPasses-- > 0)
            {
                throw new InvalidOperationException("the server went away");
            }

            await Task.Delay(Timeout.Infinite, stopping);
        }

        protected override void OnReceiveFailed(Exception exception, int failures, TimeSpan retryIn)
        {
            Failures = failures;
            Failed.TrySetResult();
        }

        protected override Task<DeliveryResult> DeliverAsync(OutboundMessage message, CancellationToken cancellationToken)
        {
            if (FailSends-- > 0)
            {
                throw new ChannelProtocolException(Name, "refused");
            }

            Interlocked.Increment(ref _delivered);
            return Task.FromResult(DeliveryResult.Success());
        }
    }
}
