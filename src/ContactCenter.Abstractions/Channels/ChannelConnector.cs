namespace ContactCenter.Channels;

/// <summary>
/// A base for channel connectors that owns the parts every connector needs and few get right: the receive loop's
/// lifetime (started by <see cref="StartAsync"/>, which returns at once; restarted with back-off when it fails;
/// cancelled and awaited by <see cref="StopAsync"/>), handing messages to the hub with retries
/// (<see cref="AcceptAsync"/>), and idempotent sends by message id (<see cref="SendAsync"/>).
/// </summary>
/// <remarks>
/// A derived connector implements <see cref="ReadChannelAsync"/> (read the channel from a checkpoint; for each message
/// <c>await AcceptAsync(message)</c>, then acknowledge it to the channel) and <see cref="DeliverAsync"/> (send one
/// message). It may override the <c>On…</c> hooks to log. Time (back-off waits) comes from the
/// <see cref="TimeProvider"/> given to the constructor, so tests run on a fake clock. Thread-safe.
/// </remarks>
public abstract class ChannelConnector : IChannelConnector, IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<TimelineEventId, Task<DeliveryResult>> _sent = [];
    private readonly Queue<TimelineEventId> _sentOrder = new();
    private IInboundSink? _sink;
    private CancellationTokenSource? _stopping;
    private Task _loop = Task.CompletedTask;
    private string? _resumeFrom;
    private bool _acceptedSinceFailure;

    /// <summary>Creates the connector.</summary>
    /// <param name="name">The connector's unique name, for example <c>email:support</c>.</param>
    /// <param name="media">The media type of its interactions.</param>
    /// <param name="capabilities">What the channel can carry.</param>
    /// <param name="options">Retry and idempotency settings; <see langword="null"/> for the defaults.</param>
    /// <param name="timeProvider">The clock for back-off waits; <see langword="null"/> for the system clock.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or <paramref name="options"/> is invalid.</exception>
    protected ChannelConnector(string name, MediaType media, ChannelCapabilities capabilities,
        ChannelConnectorOptions? options = null, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Options = options ?? new ChannelConnectorOptions();
        var problems = Options.Validate($"Channels:{name}").ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(Environment.NewLine, problems), nameof(options));
        }

        Name = name;
        Media = media;
        Capabilities = capabilities;
        TimeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public MediaType Media { get; }

    /// <inheritdoc />
    public ChannelCapabilities Capabilities { get; }

    /// <summary>The retry and idempotency settings.</summary>
    protected ChannelConnectorOptions Options { get; }

    /// <summary>The clock for back-off waits.</summary>
    protected TimeProvider TimeProvider { get; }

    /// <summary>The checkpoint the connector was last started from (the last one the hub stored), or <see langword="null"/>.</summary>
    public string? StartCheckpoint { get; private set; }

    /// <summary>Whether the connector is started and not stopped.</summary>
    public bool IsStarted
    {
        get
        {
            lock (_gate)
            {
                return _sink is not null;
            }
        }
    }

    /// <summary>
    /// Starts the receive loop on its own task and returns without waiting for the channel: a channel that is down
    /// at start is retried with back-off instead of failing the host's start.
    /// </summary>
    /// <exception cref="InvalidOperationException">The connector is already started.</exception>
    public Task StartAsync(IInboundSink sink, string? checkpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sink);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (_sink is not null)
            {
                throw new InvalidOperationException($"Channel '{Name}' is already started.");
            }

            _sink = sink;
            _resumeFrom = checkpoint;
            StartCheckpoint = checkpoint;
            _stopping = new CancellationTokenSource();
            var stopping = _stopping.Token;
            _loop = Task.Run(() => RunAsync(stopping), CancellationToken.None);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Cancels the receive loop and waits for it. A message whose <see cref="AcceptAsync"/> had not completed is not
    /// acknowledged; the channel delivers it again after the next start (from the last stored checkpoint).
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Task loop;
        CancellationTokenSource? stopping;
        lock (_gate)
        {
            loop = _loop;
            stopping = _stopping;
            _sink = null;
            _stopping = null;
        }

        if (stopping is null)
        {
            return;
        }

        await stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await loop.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            stopping.Dispose();
        }
    }

    /// <summary>
    /// Sends through <see cref="DeliverAsync"/> unless a message with the same id was already delivered (or is being
    /// delivered) within the last <see cref="ChannelConnectorOptions.SentMessageWindow"/> sends; then the first
    /// delivery's result is returned and the customer gets the message once. A failed delivery is forgotten so that
    /// the hub's retry sends again.
    /// </summary>
    public async Task<DeliveryResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        TaskCompletionSource<DeliveryResult>? mine = null;
        Task<DeliveryResult>? earlier;
        lock (_gate)
        {
            if (!_sent.TryGetValue(message.Id, out earlier))
            {
                mine = new TaskCompletionSource<DeliveryResult>(TaskCreationOptions.RunContinuationsAsynchronously);
                _sent.Add(message.Id, mine.Task);
                _sentOrder.Enqueue(message.Id);
                while (_sentOrder.Count > Options.SentMessageWindow)
                {
                    _sent.Remove(_sentOrder.Dequeue());
                }
            }
        }

        if (mine is null)
        {
            // The same id again: the customer gets it once; the caller gets the first delivery's outcome.
            return await earlier!.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            var result = await DeliverAsync(message, cancellationToken).ConfigureAwait(false);
            if (!result.Delivered)
            {
                Forget(message.Id, mine.Task);
            }

            mine.TrySetResult(result);
            return result;
        }
        catch (Exception ex)
        {
            // Forgotten, so that the hub's retry delivers; anyone waiting on this delivery sees its failure.
            Forget(message.Id, mine.Task);
            if (ex is OperationCanceledException oce)
            {
                mine.TrySetCanceled(oce.CancellationToken);
            }
            else
            {
                mine.TrySetException(ex);
                _ = mine.Task.Exception; // observed here; the caller gets the exception rethrown below
            }

            throw;
        }
    }

    /// <summary>Stops the connector.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        await DisposeAsyncCore().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// Reads the channel from <paramref name="checkpoint"/> (exclusive: the last message stored) until
    /// <paramref name="stopping"/> is cancelled. For each message: <c>await AcceptAsync(message, stopping)</c>, then
    /// acknowledge it to the channel. Throwing (other than on <paramref name="stopping"/>) restarts the loop after a
    /// back-off wait, from the checkpoint of the last message accepted.
    /// </summary>
    /// <param name="checkpoint">Where to resume: the checkpoint of the last message the hub stored, or <see langword="null"/>.</param>
    /// <param name="stopping">Cancelled by <see cref="StopAsync"/>.</param>
    protected abstract Task ReadChannelAsync(string? checkpoint, CancellationToken stopping);

    /// <summary>Sends one message to the channel. Report a refusal as a failed <see cref="DeliveryResult"/> or a <see cref="ChannelCommandException"/>.</summary>
    /// <param name="message">The message.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    protected abstract Task<DeliveryResult> DeliverAsync(OutboundMessage message, CancellationToken cancellationToken);

    /// <summary>
    /// Hands <paramref name="message"/> to the hub and completes when it is durable; acknowledge it to the channel only
    /// then. A failure of the hub (its store is down, it is overloaded) is retried with back-off until it succeeds or
    /// <paramref name="stopping"/> is cancelled, so a message is never skipped.
    /// </summary>
    /// <exception cref="ArgumentException">The message is invalid and can never be stored: retrying cannot help. The
    /// connector decides what to do (log it and acknowledge it, or move it aside) so that it does not block the channel.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="stopping"/> was cancelled; do not acknowledge.</exception>
    protected async ValueTask<InboundReceipt> AcceptAsync(InboundMessage message, CancellationToken stopping)
    {
        ArgumentNullException.ThrowIfNull(message);
        for (int attempt = 1; ; attempt++)
        {
            IInboundSink sink;
            lock (_gate)
            {
                sink = _sink ?? throw new OperationCanceledException($"Channel '{Name}' is stopped.", stopping);
            }

            try
            {
                var receipt = await sink.AcceptAsync(message, stopping).ConfigureAwait(false);
                Volatile.Write(ref _acceptedSinceFailure, true);
                if (message.Checkpoint is not null && !receipt.Duplicate)
                {
                    // A redelivered duplicate may carry an older position: the resume point, like the hub's stored
                    // checkpoint, follows only messages that were stored now.
                    Volatile.Write(ref _resumeFrom, message.Checkpoint);
                }

                return receipt;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                throw;
            }
            catch (ArgumentException)
            {
                throw;
            }
            catch (Exception ex)
            {
                var wait = RetryDelay(attempt);
                var delay = Task.Delay(wait, TimeProvider, stopping); // armed before the hook runs, so a test can advance its clock from the hook
                OnAcceptFailed(message, ex, attempt, wait);
                await delay.ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Hands <paramref name="message"/> to the hub once, without retrying: for a connector whose peer waits for the
    /// answer and retries itself (a web chat frame acknowledged to the visitor, a webhook or form post answered with
    /// a status code). If it throws, nothing was written.
    /// </summary>
    /// <exception cref="InvalidOperationException">The connector is not started.</exception>
    protected ValueTask<InboundReceipt> AcceptOnceAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        IInboundSink sink;
        lock (_gate)
        {
            sink = _sink ?? throw new InvalidOperationException($"Channel '{Name}' is not started.");
        }

        return sink.AcceptAsync(message, cancellationToken);
    }

    /// <summary>Called when the hub did not take a message; it is retried after <paramref name="retryIn"/>. Override to log.</summary>
    /// <param name="message">The message.</param>
    /// <param name="exception">What the hub threw.</param>
    /// <param name="attempt">The attempt that failed, from 1.</param>
    /// <param name="retryIn">The wait before the next attempt.</param>
    protected virtual void OnAcceptFailed(InboundMessage message, Exception exception, int attempt, TimeSpan retryIn)
    {
    }

    /// <summary>Called when <see cref="ReadChannelAsync"/> failed; it is restarted after <paramref name="retryIn"/>. Override to log.</summary>
    /// <param name="exception">What it threw.</param>
    /// <param name="failures">Failures in a row, from 1.</param>
    /// <param name="retryIn">The wait before the restart.</param>
    protected virtual void OnReceiveFailed(Exception exception, int failures, TimeSpan retryIn)
    {
    }

    /// <summary>Releases the connector's own resources after it stopped.</summary>
    protected virtual ValueTask DisposeAsyncCore() => ValueTask.CompletedTask;

    /// <summary>The back-off before try <paramref name="attempt"/> + 1: doubled each time from the minimum, capped, with ±20 % jitter.</summary>
    /// <param name="attempt">The attempt that failed, from 1.</param>
    protected TimeSpan RetryDelay(int attempt)
    {
        double min = Options.MinimumRetryDelay.TotalMilliseconds;
        double max = Options.MaximumRetryDelay.TotalMilliseconds;
        double delay = Math.Min(max, min * Math.Pow(2, Math.Min(attempt - 1, 30)));
#pragma warning disable CA5394 // jitter spreads retries; it needs no cryptographic randomness
        delay *= 0.8 + (Random.Shared.NextDouble() * 0.4);
#pragma warning restore CA5394
        return TimeSpan.FromMilliseconds(Math.Clamp(delay, min, max));
    }

    private async Task RunAsync(CancellationToken stopping)
    {
        for (int failures = 0; !stopping.IsCancellationRequested;)
        {
            try
            {
                await ReadChannelAsync(Volatile.Read(ref _resumeFrom), stopping).ConfigureAwait(false);
                return;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // the loop must outlive any failure of one pass; it is reported through OnReceiveFailed
            catch (Exception ex)
#pragma warning restore CA1031
            {
                // A pass that stored something before failing starts the back-off again from the minimum.
                failures = Volatile.Read(ref _acceptedSinceFailure) ? 1 : failures + 1;
                Volatile.Write(ref _acceptedSinceFailure, false);
                var wait = RetryDelay(failures);
                var delay = Task.Delay(wait, TimeProvider, stopping);
                OnReceiveFailed(ex, failures, wait);
                try
                {
                    await delay.ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private void Forget(TimelineEventId id, Task<DeliveryResult> delivery)
    {
        lock (_gate)
        {
            // Only the entry of this delivery: the id may have been sent again (and succeeded) meanwhile.
            if (_sent.TryGetValue(id, out var current) && current == delivery)
            {
                _sent.Remove(id);
            }
        }
    }
}
