namespace ContactCenter.Channels.TestKit;

/// <summary>
/// An <see cref="IInboundSink"/> that stands in for the hub in the conformance kit: it stores messages (dropping a
/// redelivery of a stored <see cref="InboundMessage.ExternalId"/>, as the hub does), remembers the checkpoint of the
/// last message stored, and can hold or fail accepts on request. Thread-safe.
/// </summary>
public sealed class RecordingInboundSink : IInboundSink
{
    private readonly Lock _gate = new();
    private readonly List<InboundMessage> _stored = [];
    private readonly HashSet<string> _externalIds = new(StringComparer.Ordinal);
    private readonly List<TaskCompletionSource> _waiters = [];
    private TaskCompletionSource? _hold;
    private int _failNext;
    private int _attempts;
    private int _pending;
    private int _duplicates;

    /// <summary>Every message stored, once each, in the order stored.</summary>
    public IReadOnlyList<InboundMessage> Stored
    {
        get
        {
            lock (_gate)
            {
                return [.. _stored];
            }
        }
    }

    /// <summary>The checkpoint of the last stored message that carried one: what the hub gives the connector at its next start.</summary>
    public string? LastCheckpoint { get; private set; }

    /// <summary>Calls of <see cref="AcceptAsync"/> so far, including failed, held and duplicate ones.</summary>
    public int Attempts => Volatile.Read(ref _attempts);

    /// <summary>Calls of <see cref="AcceptAsync"/> not yet completed (held).</summary>
    public int Pending => Volatile.Read(ref _pending);

    /// <summary>Redeliveries of a message already stored (recognised by its external id and dropped).</summary>
    public int Duplicates => Volatile.Read(ref _duplicates);

    /// <summary>From now on, accepts wait (unstored) until <see cref="Release"/> or their cancellation.</summary>
    public void Hold()
    {
        lock (_gate)
        {
            _hold ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    /// <summary>Lets held and later accepts through.</summary>
    public void Release()
    {
        TaskCompletionSource? hold;
        lock (_gate)
        {
            hold = _hold;
            _hold = null;
        }

        hold?.TrySetResult();
    }

    /// <summary>Makes the next <paramref name="count"/> accepts throw (a store that is down), storing nothing.</summary>
    public void FailNextAccepts(int count) => Interlocked.Exchange(ref _failNext, count);

    /// <inheritdoc />
    public async ValueTask<InboundReceipt> AcceptAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        Interlocked.Increment(ref _attempts);
        Interlocked.Increment(ref _pending);
        Signal();
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            Task? hold;
            lock (_gate)
            {
                hold = _hold?.Task;
            }

            if (hold is not null)
            {
                await hold.WaitAsync(cancellationToken).ConfigureAwait(false);
            }

            for (var remaining = Volatile.Read(ref _failNext); remaining > 0; remaining = Volatile.Read(ref _failNext))
            {
                if (Interlocked.CompareExchange(ref _failNext, remaining - 1, remaining) == remaining)
                {
                    throw new InvalidOperationException("The store is down (simulated by the conformance kit).");
                }
            }

            cancellationToken.ThrowIfCancellationRequested();
            bool duplicate;
            lock (_gate)
            {
                duplicate = message.ExternalId is not null && !_externalIds.Add(message.ExternalId);
                if (duplicate)
                {
                    _duplicates++;
                }
                else
                {
                    _stored.Add(message);
                    if (message.Checkpoint is not null)
                    {
                        LastCheckpoint = message.Checkpoint;
                    }
                }
            }

            return new InboundReceipt(new InteractionId(Guid.NewGuid()), new CustomerId(Guid.NewGuid()), new TimelineEventId(Guid.NewGuid()), NewInteraction: !duplicate, Duplicate: duplicate);
        }
        finally
        {
            Interlocked.Decrement(ref _pending);
            Signal();
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds, re-checking whenever an accept starts or ends.</summary>
    /// <exception cref="TimeoutException">It did not hold within <paramref name="timeout"/>; the message says what was seen.</exception>
    public async Task WaitUntilAsync(Func<RecordingInboundSink, bool> condition, string what, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(condition);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        while (true)
        {
            var changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_gate)
            {
                _waiters.Add(changed);
            }

            if (condition(this))
            {
                return;
            }

            try
            {
                await changed.Task.WaitAsync(cts.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException(
                    $"Waited {timeout.TotalSeconds:0} s for {what}; stored {Stored.Count} " +
                    $"[{string.Join(", ", Stored.Select(m => m.Content.Text))}], attempts {Attempts}, pending {Pending}, duplicates {Duplicates}.");
            }
        }
    }

    private void Signal()
    {
        TaskCompletionSource[] waiters;
        lock (_gate)
        {
            waiters = [.. _waiters];
            _waiters.Clear();
        }

        foreach (var waiter in waiters)
        {
            waiter.TrySetResult();
        }
    }
}
