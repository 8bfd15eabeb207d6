using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.Channels;
using ContactCenter.Channels;

namespace ContactCenter.Testing;

/// <summary>
/// A channel connector that lives in memory: tests and demos push customer messages in and read what the
/// contact center sends out. Sends are idempotent by message id. Thread-safe.
/// </summary>
/// <remarks>
/// Customer messages come in two ways. <see cref="ReceiveAsync"/> hands a message straight to the hub and returns
/// its receipt (the short path most tests want). <see cref="Post"/> puts it into the channel's own log, as a
/// mail server or a messenger would hold it; the connector's receive loop reads the log from the stored
/// checkpoint, hands each message to the hub (retrying with back-off) and acknowledges it only after it is
/// durable — the behaviour every real connector has, and the one the channel connector conformance kit checks.
/// </remarks>
public sealed class InMemoryChannel : ChannelConnector
{
    private readonly ConcurrentDictionary<string, Channel<OutboundMessage>> _outboxes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<TimelineEventId, OutboundMessage> _sent = new();
    private readonly ConcurrentQueue<OutboundMessage> _sentInOrder = new();
    private readonly Lock _logGate = new();
    private readonly List<InboundMessage> _log = [];
    private readonly List<InboundMessage> _rejected = [];
    private TaskCompletionSource _posted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _acknowledged = -1;
    private int _failNext;
    private Func<Exception>? _failWith;

    /// <summary>Creates a channel.</summary>
    /// <param name="name">The connector's name. Default <c>chat</c>.</param>
    /// <param name="media">The media type of its interactions. Default chat.</param>
    /// <param name="capabilities">What it can carry. Default text, buttons, attachments and outbound.</param>
    /// <param name="options">Retry and idempotency settings of the receive loop; <see langword="null"/> for the defaults.</param>
    /// <param name="timeProvider">The clock for the receive loop's back-off; <see langword="null"/> for the system clock.</param>
    public InMemoryChannel(string name = "chat", MediaType media = MediaType.Chat,
        ChannelCapabilities capabilities = ChannelCapabilities.Text | ChannelCapabilities.Buttons | ChannelCapabilities.Attachments | ChannelCapabilities.Outbound,
        ChannelConnectorOptions? options = null, TimeProvider? timeProvider = null)
        : base(name, media, capabilities, options, timeProvider)
    {
    }

    /// <summary>Every message sent, once each, in the order sent.</summary>
    public IReadOnlyCollection<OutboundMessage> Sent => _sentInOrder.ToArray();

    /// <summary>The position of the last message of the log (see <see cref="Post"/>) the connector acknowledged; -1 before the first.</summary>
    public long Acknowledged => Interlocked.Read(ref _acknowledged);

    /// <summary>Messages of the log the hub refused as invalid; the connector acknowledged them so they do not block the channel.</summary>
    public IReadOnlyList<InboundMessage> Rejected
    {
        get
        {
            lock (_logGate)
            {
                return [.. _rejected];
            }
        }
    }

    /// <summary>Makes the next <paramref name="count"/> sends fail with a <see cref="ChannelProtocolException"/>.</summary>
    public void FailNextSends(int count) => FailNextSends(count, null);

    /// <summary>Makes the next <paramref name="count"/> sends throw what <paramref name="failure"/> makes (a <see cref="ChannelProtocolException"/> when <see langword="null"/>).</summary>
    public void FailNextSends(int count, Func<Exception>? failure)
    {
        Volatile.Write(ref _failWith, failure);
        Interlocked.Exchange(ref _failNext, count);
    }

    /// <summary>Hands a customer's message to the contact center, as a real connector would; completes when it is durable.</summary>
    /// <exception cref="InvalidOperationException">The channel is not started.</exception>
    public ValueTask<InboundReceipt> ReceiveAsync(InboundMessage message, CancellationToken cancellationToken = default)
        => AcceptOnceAsync(message, cancellationToken);

    /// <summary>
    /// Puts a customer's message into the channel's log and returns its position. The receive loop delivers it (now,
    /// or after the next start if the channel is stopped) with the position as its checkpoint.
    /// </summary>
    public long Post(InboundMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        TaskCompletionSource posted;
        long position;
        lock (_logGate)
        {
            position = _log.Count;
            _log.Add(message with { Checkpoint = position.ToString(CultureInfo.InvariantCulture) });
            posted = _posted;
            _posted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        posted.TrySetResult();
        return position;
    }

    /// <summary>Reads the next message sent on a conversation, waiting for it.</summary>
    public ValueTask<OutboundMessage> ReadSentAsync(string conversationKey, CancellationToken cancellationToken = default)
        => Outbox(conversationKey).Reader.ReadAsync(cancellationToken);

    /// <inheritdoc />
    protected override async Task ReadChannelAsync(string? checkpoint, CancellationToken stopping)
    {
        long next = checkpoint is not null && long.TryParse(checkpoint, NumberStyles.None, CultureInfo.InvariantCulture, out var last) ? last + 1 : 0;
        while (true)
        {
            InboundMessage? message = null;
            Task posted;
            lock (_logGate)
            {
                if (next < _log.Count)
                {
                    message = _log[(int)next];
                }

                posted = _posted.Task;
            }

            if (message is null)
            {
                await posted.WaitAsync(stopping).ConfigureAwait(false);
                continue;
            }

            try
            {
                await AcceptAsync(message, stopping).ConfigureAwait(false);
            }
            catch (ArgumentException)
            {
                lock (_logGate)
                {
                    _rejected.Add(message);
                }
            }

            Interlocked.Exchange(ref _acknowledged, next);
            next++;
        }
    }

    /// <inheritdoc />
    protected override Task<DeliveryResult> DeliverAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        for (var remaining = Volatile.Read(ref _failNext); remaining > 0; remaining = Volatile.Read(ref _failNext))
        {
            if (Interlocked.CompareExchange(ref _failNext, remaining - 1, remaining) == remaining)
            {
                throw Volatile.Read(ref _failWith)?.Invoke() ?? new ChannelProtocolException(Name, "simulated send failure");
            }
        }

        if (_sent.TryAdd(message.Id, message))
        {
            _sentInOrder.Enqueue(message);
            Outbox(message.ConversationKey).Writer.TryWrite(message);
        }

        return Task.FromResult(DeliveryResult.Success("mem-" + message.Id));
    }

    private Channel<OutboundMessage> Outbox(string conversationKey)
        => _outboxes.GetOrAdd(conversationKey, _ => Channel.CreateUnbounded<OutboundMessage>());
}
