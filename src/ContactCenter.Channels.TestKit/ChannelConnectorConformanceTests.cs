using Xunit;

namespace ContactCenter.Channels.TestKit;

/// <summary>
/// The conformance suite every channel connector passes. A connector's test project derives a class from this one,
/// implements <see cref="CreatePeerAsync"/> for its channel and inherits every test. The kit stands in for the hub
/// with a <see cref="RecordingInboundSink"/>, so the tests check the connector alone: it starts without waiting for
/// traffic, stamps its name and media, acknowledges only what the hub stored, retries what the hub refused, resumes
/// from the checkpoint after a restart, stops while messages are in flight without losing them, and sends each
/// outbound message once however often it is asked to.
/// </summary>
/// <remarks>The tests run on real time (the connector talks to a real or fake server); every wait is bounded by
/// <see cref="Patience"/> and fails with what was seen.</remarks>
public abstract class ChannelConnectorConformanceTests : IAsyncLifetime
{
    private readonly List<IChannelConnector> _started = [];
    private ChannelTestPeer? _peer;

    /// <summary>The longest wait for one step. Default 30 s (a loaded 2-core CI machine).</summary>
    protected virtual TimeSpan Patience => TimeSpan.FromSeconds(30);

    /// <summary>The test's cancellation token.</summary>
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The peer of the running test.</summary>
    protected ChannelTestPeer Peer => _peer ?? throw new InvalidOperationException("The peer is created in InitializeAsync.");

    /// <summary>Starts the channel's far side (a server, a fake API) for one test.</summary>
    protected abstract ValueTask<ChannelTestPeer> CreatePeerAsync(CancellationToken cancellationToken);

    /// <inheritdoc />
    public virtual async ValueTask InitializeAsync() => _peer = await CreatePeerAsync(Ct);

    /// <inheritdoc />
    public virtual async ValueTask DisposeAsync()
    {
        foreach (var connector in _started)
        {
            await connector.StopAsync(CancellationToken.None);
        }

        if (_peer is not null)
        {
            await _peer.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>StartAsync starts the receive loop and returns; it does not wait for the first message.</summary>
    [Fact]
    public async Task StartAsync_NoTraffic_ReturnsWithoutWaiting()
    {
        var connector = Peer.CreateConnector();

        await StartAsync(connector, new RecordingInboundSink(), checkpoint: null);

        await connector.StopAsync(Ct).WaitAsync(Patience, Ct);
    }

    /// <summary>A customer message reaches the hub stamped with the connector's name and media, a conversation key, a sender and an external id.</summary>
    [Fact]
    public async Task CustomerMessage_ReachesTheHub_WithTheConnectorsNameMediaAndIds()
    {
        var sink = new RecordingInboundSink();
        var connector = await StartAsync(Peer.CreateConnector(), sink, checkpoint: null);

        await Peer.CustomerSendsAsync("ann", "hello from ann", Ct);
        await sink.WaitUntilAsync(s => s.Stored.Count == 1, "the message to be stored", Patience, Ct);

        var message = Assert.Single(sink.Stored);
        Assert.Equal(connector.Name, message.Channel);
        Assert.Equal(connector.Media, message.Media);
        Assert.Equal("hello from ann", message.Content.Text?.Trim());
        Assert.False(string.IsNullOrEmpty(message.ConversationKey), "ConversationKey threads the customer's messages.");
        Assert.False(string.IsNullOrEmpty(message.From.Value), "From identifies the customer.");
        Assert.False(string.IsNullOrEmpty(message.ExternalId), "ExternalId lets the hub drop a redelivery.");
    }

    /// <summary>Messages of one conversation share a conversation key and sender; another customer has another.</summary>
    [Fact]
    public async Task TwoMessagesOfOneConversation_ThreadOnOneKey_AnotherConversationOnAnother()
    {
        var sink = new RecordingInboundSink();
        await StartAsync(Peer.CreateConnector(), sink, checkpoint: null);

        await Peer.CustomerSendsAsync("ann", "ann one", Ct);
        await sink.WaitUntilAsync(s => s.Stored.Count == 1, "ann's first message", Patience, Ct);
        await Peer.CustomerSendsAsync("ann", "ann two", Ct);
        await sink.WaitUntilAsync(s => s.Stored.Count == 2, "ann's second message", Patience, Ct);
        await Peer.CustomerSendsAsync("bob", "bob one", Ct);
        await sink.WaitUntilAsync(s => s.Stored.Count == 3, "bob's message", Patience, Ct);

        var stored = sink.Stored;
        Assert.Equal(stored[0].ConversationKey, stored[1].ConversationKey);
        Assert.Equal(stored[0].From, stored[1].From);
        Assert.NotEqual(stored[0].From, stored[2].From);
    }

    /// <summary>A message the hub failed to store is retried with back-off, never skipped, and stored once.</summary>
    [Fact]
    public async Task HubFailsToStore_MessageIsRetriedUntilStored_Once()
    {
        var sink = new RecordingInboundSink();
        sink.FailNextAccepts(2);
        await StartAsync(Peer.CreateConnector(), sink, checkpoint: null);

        await Peer.CustomerSendsAsync("ann", "retried", Ct);
        await sink.WaitUntilAsync(s => s.Stored.Count == 1, "the message to be stored after two failed accepts", Patience, Ct);
        await Peer.CustomerSendsAsync("ann", "after", Ct);
        await sink.WaitUntilAsync(s => s.Stored.Count == 2, "the next message", Patience, Ct);

        Assert.Equal(["retried", "after"], sink.Stored.Select(m => m.Content.Text?.Trim()));
        Assert.True(sink.Attempts >= 4, $"Expected the failed accepts to be retried; saw {sink.Attempts} attempts.");
    }

    /// <summary>A message the hub had not stored when the connector stopped is not acknowledged: it comes again after the restart.</summary>
    [Fact]
    public async Task AcceptNotCompleted_MessageIsNotAcknowledged_AndComesAgainAfterRestart()
    {
        Assert.SkipUnless(Peer.KeepsMessagesAcrossRestarts, "The channel does not keep messages across a restart of its connector.");
        var sink = new RecordingInboundSink();
        sink.Hold();
        var first = await StartAsync(Peer.CreateConnector(), sink, checkpoint: null);
        await Peer.CustomerSendsAsync("ann", "in flight", Ct);
        await sink.WaitUntilAsync(s => s.Pending >= 1, "the message to reach the hub", Patience, Ct);

        await StopAsync(first);
        sink.Release();
        Assert.Empty(sink.Stored);
        await StartAsync(Peer.CreateConnector(), sink, sink.LastCheckpoint);

        await sink.WaitUntilAsync(s => s.Stored.Count == 1, "the unacknowledged message to come again", Patience, Ct);
        Assert.Equal("in flight", sink.Stored[0].Content.Text?.Trim());
    }

    /// <summary>After a restart the connector resumes from the hub's checkpoint: messages sent while stopped arrive, stored ones do not come again.</summary>
    [Fact]
    public async Task Restart_ResumesFromTheCheckpoint_NothingLostNothingRedelivered()
    {
        Assert.SkipUnless(Peer.KeepsMessagesAcrossRestarts, "The channel does not keep messages across a restart of its connector.");
        var sink = new RecordingInboundSink();
        var first = await StartAsync(Peer.CreateConnector(), sink, checkpoint: null);
        foreach (var text in new[] { "one", "two", "three" })
        {
            await Peer.CustomerSendsAsync("ann", text, Ct);
        }

        await sink.WaitUntilAsync(s => s.Stored.Count == 3, "three messages", Patience, Ct);
        await StopAsync(first);
        await Peer.CustomerSendsAsync("ann", "four", Ct);
        await Peer.CustomerSendsAsync("bob", "five", Ct);
        await StartAsync(Peer.CreateConnector(), sink, sink.LastCheckpoint);
        await sink.WaitUntilAsync(s => s.Stored.Count == 5, "the two messages sent while stopped", Patience, Ct);
        await Peer.CustomerSendsAsync("ann", "six", Ct);
        await sink.WaitUntilAsync(s => s.Stored.Count == 6, "a message after the restart", Patience, Ct);

        Assert.Equal(["five", "four", "one", "six", "three", "two"], sink.Stored.Select(m => m.Content.Text?.Trim()).Order(StringComparer.Ordinal));
        Assert.Equal(0, sink.Duplicates);
    }

    /// <summary>StopAsync completes while messages are in flight, and none of them is lost.</summary>
    [Fact]
    public async Task StopAsync_WhileMessagesAreInFlight_CompletesAndLosesNothing()
    {
        Assert.SkipUnless(Peer.KeepsMessagesAcrossRestarts, "The channel does not keep messages across a restart of its connector.");
        var sink = new RecordingInboundSink();
        await Peer.CustomerSendsAsync("ann", "a", Ct);
        var first = await StartAsync(Peer.CreateConnector(), sink, checkpoint: null);
        await sink.WaitUntilAsync(s => s.Stored.Count == 1, "the first message", Patience, Ct);
        sink.Hold();
        await Peer.CustomerSendsAsync("ann", "b", Ct);
        await Peer.CustomerSendsAsync("bob", "c", Ct);
        await sink.WaitUntilAsync(s => s.Pending >= 1, "a message held in the hub", Patience, Ct);

        await StopAsync(first);
        sink.Release();
        await StartAsync(Peer.CreateConnector(), sink, sink.LastCheckpoint);
        await sink.WaitUntilAsync(s => s.Stored.Count == 3, "every message after the restart", Patience, Ct);

        Assert.Equal(["a", "b", "c"], sink.Stored.Select(m => m.Content.Text?.Trim()).Order(StringComparer.Ordinal));
    }

    /// <summary>Sending the same outbound message id twice (also at once) delivers it once.</summary>
    [Fact]
    public async Task SendAsync_SameIdTwice_CustomerGetsItOnce()
    {
        var (connector, received) = await ConversationAsync("ann");
        var reply = ReplyTo(received, "your order ships today");

        var sends = await Task.WhenAll(connector.SendAsync(reply, Ct), connector.SendAsync(reply, Ct));
        var again = await connector.SendAsync(reply, Ct);
        await connector.SendAsync(ReplyTo(received, "marker"), Ct);

        Assert.All(sends.Append(again), r => Assert.True(r.Delivered, r.Error));
        var texts = await ReceivedAsync("ann", "marker");
        Assert.Equal(1, texts.Count(t => t == "your order ships today"));
    }

    /// <summary>A send the channel refused is reported as a failure, and the hub's retry of the same id delivers it once.</summary>
    [Fact]
    public async Task SendAsync_ChannelRefuses_FailureIsReported_AndTheRetryDeliversOnce()
    {
        var (connector, received) = await ConversationAsync("ann");
        Assert.SkipUnless(await Peer.BreakSendingAsync(Ct), "The peer cannot make the channel refuse sends.");
        var reply = ReplyTo(received, "sent after a failure");

        bool reported;
        try
        {
            reported = !(await connector.SendAsync(reply, Ct)).Delivered;
        }
        catch (ChannelException)
        {
            reported = true;
        }

        await Peer.RestoreSendingAsync(Ct);
        var retry = await connector.SendAsync(reply, Ct);
        await connector.SendAsync(ReplyTo(received, "marker"), Ct);

        Assert.True(reported, "A send the channel refused must throw a ChannelException or return a failed DeliveryResult.");
        Assert.True(retry.Delivered, retry.Error);
        var texts = await ReceivedAsync("ann", "marker");
        Assert.Equal(1, texts.Count(t => t == "sent after a failure"));
    }

    /// <summary>An outbound message to the customer who sent <paramref name="received"/>, as the hub builds it.</summary>
    protected static OutboundMessage ReplyTo(InboundMessage received, string text)
    {
        ArgumentNullException.ThrowIfNull(received);
        return new OutboundMessage
        {
            Id = new TimelineEventId(Guid.NewGuid()),
            InteractionId = new InteractionId(Guid.NewGuid()),
            ConversationKey = received.ConversationKey,
            To = received.From,
            Content = new MessageContent { Text = text },
        };
    }

    /// <summary>Starts <paramref name="connector"/> (the kit stops it after the test) and checks that the start returns promptly.</summary>
    protected async Task<IChannelConnector> StartAsync(IChannelConnector connector, RecordingInboundSink sink, string? checkpoint)
    {
        ArgumentNullException.ThrowIfNull(connector);
        _started.Add(connector);
        var start = connector.StartAsync(sink, checkpoint, Ct);
        Assert.True(await Task.WhenAny(start, Task.Delay(Patience, Ct)) == start,
            $"StartAsync of '{connector.Name}' did not return within {Patience.TotalSeconds:0} s: it must start its receive loop and return.");
        await start;
        return connector;
    }

    private async Task StopAsync(IChannelConnector connector)
    {
        _started.Remove(connector);
        var stop = connector.StopAsync(Ct);
        Assert.True(await Task.WhenAny(stop, Task.Delay(Patience, Ct)) == stop,
            $"StopAsync of '{connector.Name}' did not return within {Patience.TotalSeconds:0} s while a message was in flight.");
        await stop;
    }

    private async Task<(IChannelConnector Connector, InboundMessage Received)> ConversationAsync(string conversation)
    {
        var sink = new RecordingInboundSink();
        var connector = await StartAsync(Peer.CreateConnector(), sink, checkpoint: null);
        await Peer.CustomerSendsAsync(conversation, "hello", Ct);
        await sink.WaitUntilAsync(s => s.Stored.Count == 1, "the customer's first message", Patience, Ct);
        return (connector, sink.Stored[0]);
    }

    private async Task<IReadOnlyList<string>> ReceivedAsync(string conversation, string last)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        cts.CancelAfter(Patience);
        while (true)
        {
            var texts = (await Peer.ReceivedByCustomerAsync(conversation, cts.Token)).Select(t => t.Trim()).ToList();
            if (texts.Contains(last))
            {
                return texts;
            }

            // The customer's side is a server or a fake API that has no event to wait on: poll it briefly.
            await Task.Delay(TimeSpan.FromMilliseconds(50), cts.Token);
        }
    }
}
