using System.Collections.Concurrent;
using System.Threading.Channels;
using ContactCenter.Channels;

namespace ContactCenter.Testing;

/// <summary>
/// A channel connector that lives in memory: tests and demos push customer messages in and read what the
/// contact center sends out. Sends are idempotent by message id. Thread-safe.
/// </summary>
public sealed class InMemoryChannel : IChannelConnector
{
    private readonly ConcurrentDictionary<string, Channel<OutboundMessage>> _outboxes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<TimelineEventId, OutboundMessage> _sent = new();
    private IInboundSink? _sink;
    private int _failNext;

    /// <summary>Creates a channel.</summary>
    /// <param name="name">The connector's name. Default <c>chat</c>.</param>
    /// <param name="media">The media type of its interactions. Default chat.</param>
    /// <param name="capabilities">What it can carry. Default text, buttons, attachments and outbound.</param>
    public InMemoryChannel(string name = "chat", MediaType media = MediaType.Chat,
        ChannelCapabilities capabilities = ChannelCapabilities.Text | ChannelCapabilities.Buttons | ChannelCapabilities.Attachments | ChannelCapabilities.Outbound)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Media = media;
        Capabilities = capabilities;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public MediaType Media { get; }

    /// <inheritdoc />
    public ChannelCapabilities Capabilities { get; }

    /// <summary>The checkpoint the channel was started from.</summary>
    public string? StartCheckpoint { get; private set; }

    /// <summary>Whether the channel is started.</summary>
    public bool IsStarted => _sink is not null;

    /// <summary>Every message sent, once each, in no particular order.</summary>
    public IReadOnlyCollection<OutboundMessage> Sent => _sent.Values.ToArray();

    /// <inheritdoc />
    public Task StartAsync(IInboundSink sink, string? checkpoint, CancellationToken cancellationToken)
    {
        _sink = sink ?? throw new ArgumentNullException(nameof(sink));
        StartCheckpoint = checkpoint;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken)
    {
        _sink = null;
        return Task.CompletedTask;
    }

    /// <summary>Makes the next <paramref name="count"/> sends fail with a <see cref="ChannelProtocolException"/>.</summary>
    public void FailNextSends(int count) => Interlocked.Exchange(ref _failNext, count);

    /// <inheritdoc />
    public Task<DeliveryResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        for (var remaining = Volatile.Read(ref _failNext); remaining > 0; remaining = Volatile.Read(ref _failNext))
        {
            if (Interlocked.CompareExchange(ref _failNext, remaining - 1, remaining) == remaining)
            {
                throw new ChannelProtocolException(Name, "simulated send failure");
            }
        }

        if (_sent.TryAdd(message.Id, message))
        {
            Outbox(message.ConversationKey).Writer.TryWrite(message);
        }

        return Task.FromResult(DeliveryResult.Success("mem-" + message.Id));
    }

    /// <summary>Hands a customer's message to the contact center, as a real connector would; completes when it is durable.</summary>
    /// <exception cref="InvalidOperationException">The channel is not started.</exception>
    public ValueTask<InboundReceipt> ReceiveAsync(InboundMessage message, CancellationToken cancellationToken = default)
    {
        var sink = _sink ?? throw new InvalidOperationException($"Channel '{Name}' is not started.");
        return sink.AcceptAsync(message, cancellationToken);
    }

    /// <summary>Reads the next message sent on a conversation, waiting for it.</summary>
    public ValueTask<OutboundMessage> ReadSentAsync(string conversationKey, CancellationToken cancellationToken = default)
        => Outbox(conversationKey).Reader.ReadAsync(cancellationToken);

    private Channel<OutboundMessage> Outbox(string conversationKey)
        => _outboxes.GetOrAdd(conversationKey, _ => Channel.CreateUnbounded<OutboundMessage>());
}
