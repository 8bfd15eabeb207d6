using System.Diagnostics;
using System.Threading.Channels;
using ContactCenter.Channels;
using ContactCenter.Core.Diagnostics;
using ContactCenter.Storage;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Core.Hub;

/// <summary>
/// The single writer of a set of active interactions: every change is a command on one ordered queue; the loop runs
/// commands in batches, writes each batch in one store commit, and only then publishes the batch's timeline events,
/// runs its after-commit actions (router calls, notifications, sends) and completes the callers. It owns the
/// <see cref="ActiveInteractions"/> it writes, so that later several loops (partitions) can each own the
/// interactions keyed to them (docs/architecture.md, "Partitioning later").
/// </summary>
internal sealed class InteractionLoop
{
    private readonly IInteractionStore _store;
    private readonly ContactCenterOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly EventFeed<TimelineEvent> _timeline;
    private readonly Channel<Command> _commands;
    private readonly CancellationToken _stopping;
    private Action? _reloaded;
    private Task? _run;

    public InteractionLoop(IInteractionStore store, ContactCenterOptions options, TimeProvider time, ILogger logger, EventFeed<TimelineEvent> timeline, CancellationToken stopping)
    {
        _store = store;
        _options = options;
        _time = time;
        _logger = logger;
        _timeline = timeline;
        _stopping = stopping;
        _commands = Channel.CreateBounded<Command>(new BoundedChannelOptions(options.IngestQueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    /// <summary>The interactions this loop writes.</summary>
    public ActiveInteractions Active { get; } = new();

    /// <summary>Loads the active interactions from the store (before the loop starts).</summary>
    public async Task<IReadOnlyList<Interaction>> LoadAsync(CancellationToken cancellationToken)
    {
        var active = await _store.GetActiveInteractionsAsync(cancellationToken).ConfigureAwait(false);
        Active.Load(active);
        return active;
    }

    /// <summary>Starts running commands; <paramref name="reloaded"/> runs when the view is read back from the store, to drop caches built on it.</summary>
    public void Start(Action reloaded)
    {
        _reloaded = reloaded;
        _run = Task.Run(RunAsync, CancellationToken.None);
    }

    /// <summary>Takes no more commands; those queued still run.</summary>
    public void Complete() => _commands.Writer.TryComplete();

    /// <summary>Completes when every queued command has run.</summary>
    public Task Completion => _run ?? Task.CompletedTask;

    public Task<T> ExecuteAsync<T>(Func<HubTransaction, ValueTask<T>> run, CancellationToken cancellationToken, InboundMessage? inbound = null)
    {
        // Only an inbound message is skipped when its caller's token is cancelled before it runs (IInboundSink's
        // "threw means not written"); other commands keep running once queued, as callers such as flows expect.
        var command = new Command<T>(run) { Inbound = inbound, Cancellation = inbound is null ? default : cancellationToken };
        if (_commands.Writer.TryWrite(command))
        {
            return Outcome(command, cancellationToken);
        }

        return WriteSlowAsync(command, cancellationToken);
    }

    public Task ExecuteAsync(Action<HubTransaction> run, CancellationToken cancellationToken)
        => ExecuteAsync<bool>(tx =>
        {
            run(tx);
            return ValueTask.FromResult(true);
        }, cancellationToken);

    /// <summary>Queues a command whose caller does not wait (router callbacks, timers); failures are logged.</summary>
    public void Post(Action<HubTransaction> run)
    {
        var task = ExecuteAsync(run, CancellationToken.None);
        task.ContinueWith(
            static (t, state) => HubLog.CommandFailed((ILogger)state!, t.Exception!.GetBaseException()),
            _logger,
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    // An inbound message, once queued, is not abandoned by its caller's token: the loop skips it if the token is
    // cancelled before it runs (nothing written, the caller sees the cancellation), and once it has run the caller
    // gets the commit's outcome, so that "threw" always means "not written" (IInboundSink's contract).
    private static Task<T> Outcome<T>(Command<T> command, CancellationToken cancellationToken)
        => command.Inbound is null ? command.Task.WaitAsync(cancellationToken) : command.Task;

    private async Task<T> WriteSlowAsync<T>(Command<T> command, CancellationToken cancellationToken)
    {
        try
        {
            await _commands.Writer.WriteAsync(command, cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException ex)
        {
            throw new ContactCenterException("The contact center is stopping and takes no more work.", ex);
        }

        return await Outcome(command, cancellationToken).ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        var reader = _commands.Reader;
        var batch = new List<Command>(_options.MaxBatchSize);
        var succeeded = new List<Command>(_options.MaxBatchSize);
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            succeeded.Clear();
            while (batch.Count < _options.MaxBatchSize && reader.TryRead(out var next))
            {
                batch.Add(next);
            }

            var tx = new HubTransaction(_time.GetUtcNow());
            try
            {
                await FindKnownInboundAsync(batch, tx.KnownInbound).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                HubLog.CommitFailed(_logger, batch.Count, ex);
                var error = ex as ContactCenterException ?? new InteractionStoreException("The store failed; nothing was written.", ex);
                foreach (var command in batch)
                {
                    command.Fail(error);
                }

                continue;
            }

            // A command that fails half-way fails alone: its partial changes are dropped with the staged batch, the
            // loop's view is read back from the store (which holds none of this batch yet) and the batch runs again
            // without it. Each pass removes at least one command, so this ends.
            while (true)
            {
                var poisoned = false;
                foreach (var command in batch)
                {
                    if (command.IsCompleted)
                    {
                        continue;
                    }

                    if (command.Cancellation.IsCancellationRequested)
                    {
                        // Cancelled before it ran: nothing of it is staged.
                        command.Fail(new OperationCanceledException(command.Cancellation));
                        continue;
                    }

                    var mark = tx.Mutations;
                    try
                    {
                        await command.RunAsync(tx).ConfigureAwait(false);
                        succeeded.Add(command);
                    }
                    catch (Exception ex) when (tx.Mutations == mark)
                    {
                        // Failed before changing anything: only this caller sees the error.
                        command.Fail(ex);
                    }
                    catch (Exception ex)
                    {
                        HubLog.CommandFailedHalfWay(_logger, ex);
                        command.Fail(ex);
                        poisoned = true;
                        break;
                    }
                }

                if (!poisoned)
                {
                    break;
                }

                await ReloadAsync().ConfigureAwait(false);
                var known = tx.KnownInbound;
                tx = new HubTransaction(tx.Now);
                tx.KnownInbound.UnionWith(known);
                succeeded.Clear();
            }

            if (!tx.IsEmpty)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    await _store.CommitAsync(tx.Seal(), _stopping).ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    HubLog.CommitFailed(_logger, succeeded.Count, ex);
                    var error = ex as ContactCenterException ?? new InteractionStoreException("The store failed; nothing was written.", ex);
                    foreach (var command in succeeded)
                    {
                        command.Fail(error);
                    }

                    await ReloadAsync().ConfigureAwait(false);
                    continue;
                }

                ContactCenterTelemetry.CommitDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
                ContactCenterTelemetry.CommitBatchSize.Record(succeeded.Count);
            }

            _timeline.Publish(tx.Changes.Events);
            foreach (var action in tx.AfterCommit)
            {
                try
                {
                    action();
                }
                catch (Exception ex)
                {
                    HubLog.AfterCommitFailed(_logger, ex);
                }
            }

            foreach (var command in succeeded)
            {
                command.Succeed();
            }
        }
    }

    /// <summary>One store look-up per channel for the whole batch: which inbound messages were stored before.</summary>
    private async Task FindKnownInboundAsync(List<Command> batch, HashSet<(string Channel, string ExternalId)> known)
    {
        Dictionary<string, List<string>>? byChannel = null;
        foreach (var command in batch)
        {
            if (command.Inbound is { ExternalId: { } id } m)
            {
                byChannel ??= new(StringComparer.Ordinal);
                if (!byChannel.TryGetValue(m.Channel, out var ids))
                {
                    byChannel[m.Channel] = ids = [];
                }

                ids.Add(id);
            }
        }

        if (byChannel is null)
        {
            return;
        }

        foreach (var (channel, ids) in byChannel)
        {
            foreach (var id in await _store.FindInboundMessagesAsync(channel, ids, _stopping).ConfigureAwait(false))
            {
                known.Add((channel, id));
            }
        }
    }

    /// <summary>After a failed commit the in-memory view may be ahead of the store: read it back.</summary>
    private async Task ReloadAsync()
    {
        // Offers are not on the store's projection beyond the interaction's agent; keep who was offered what.
        _reloaded?.Invoke();
        var offeredTo = Active.OfferedTo.ToArray();
        try
        {
            await LoadAsync(_stopping).ConfigureAwait(false);
            foreach (var (interaction, agents) in offeredTo)
            {
                if (Active.TryGetValue(interaction, out var current) && current.State == InteractionState.Offered)
                {
                    Active.OfferedTo[interaction] = agents;
                }
            }
        }
        catch (Exception ex)
        {
            HubLog.ReloadFailed(_logger, ex);
        }
    }

    private abstract class Command
    {
        /// <summary>The inbound message this command ingests, if it is an ingest command.</summary>
        public InboundMessage? Inbound { get; init; }

        /// <summary>An inbound caller's token: an ingest command cancelled before it runs is skipped and fails with the cancellation.</summary>
        public CancellationToken Cancellation { get; init; }

        public abstract bool IsCompleted { get; }

        public abstract ValueTask RunAsync(HubTransaction tx);

        public abstract void Succeed();

        public abstract void Fail(Exception exception);
    }

    private sealed class Command<T>(Func<HubTransaction, ValueTask<T>> run) : Command
    {
        private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _result;

        public Task<T> Task => _completion.Task;

        public override bool IsCompleted => _completion.Task.IsCompleted;

        public override async ValueTask RunAsync(HubTransaction tx) => _result = await run(tx).ConfigureAwait(false);

        public override void Succeed() => _completion.TrySetResult(_result!);

        public override void Fail(Exception exception) => _completion.TrySetException(exception);
    }
}
