using System.Collections.Immutable;
using System.Diagnostics;
using System.Threading.Channels;
using ContactCenter.Channels;
using ContactCenter.Core.Agents;
using ContactCenter.Core.Diagnostics;
using ContactCenter.Core.Routing;
using ContactCenter.Storage;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Core.Hub;

/// <summary>
/// The runtime's centre. Every change — an inbound message, an agent's accept, a router's offer — is a
/// command on one ordered queue; a single loop runs commands in batches, writes each batch in one store
/// commit, and only then completes the callers and performs side effects (router calls, notifications,
/// outbound sends). A single writer keeps identity resolution and threading race-free; batching makes it fast.
/// </summary>
internal sealed partial class InteractionHub : IContactCenter, IInboundSink, IRoutingListener, IAgentOperations, IAsyncDisposable
{
    private readonly ContactCenterOptions _options;
    private readonly IInteractionStore _store;
    private readonly IInteractionRouter _router;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly IFlowLauncher? _flows;
    private readonly Dictionary<string, IChannelConnector> _connectors;
    private readonly Dictionary<QueueId, QueueDefinition> _queues;
    private readonly HashSet<string> _wrapUpCodes;
    private readonly Channel<Command> _commands;
    private readonly CancellationTokenSource _stopping = new();
    private readonly object _subscribersGate = new();
    private ImmutableArray<Channel<TimelineEvent>> _subscribers = [];
    private readonly HashSet<Task> _deliveries = [];

    // Loop-owned state: touched only by commands running on the hub loop.
    private readonly Dictionary<InteractionId, Interaction> _active = [];
    private readonly Dictionary<(string Channel, string Key), InteractionId> _openByKey = [];
    private readonly Dictionary<CustomerIdentity, CustomerId> _identities = [];
    private readonly Dictionary<AgentId, AgentRuntime> _agents = [];
    private readonly Dictionary<InteractionId, HashSet<AgentId>> _offeredTo = [];
    private readonly Dictionary<string, string?> _checkpoints = new(StringComparer.Ordinal);

    // Counters read by GetStatistics from any thread.
    private readonly int[] _stateCounts = new int[Enum.GetValues<InteractionState>().Length];
    private long _closed;
    private long _abandoned;
    private long _messagesIn;
    private long _messagesOut;
    private int _agentsLoggedIn;
    private int _agentsAvailable;

    private Task? _loop;

    public InteractionHub(
        ContactCenterOptions options,
        IInteractionStore store,
        IInteractionRouter router,
        IEnumerable<IChannelConnector> connectors,
        TimeProvider time,
        ILogger<InteractionHub> logger,
        IFlowLauncher? flows = null)
    {
        _options = options;
        _store = store;
        _router = router;
        _time = time;
        _logger = logger;
        _flows = flows;
        _connectors = connectors.ToDictionary(c => c.Name, StringComparer.Ordinal);
        _queues = options.Queues.ToDictionary(q => q.Id);
        _wrapUpCodes = options.WrapUpCodes.Select(c => c.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        _commands = Channel.CreateBounded<Command>(new BoundedChannelOptions(options.IngestQueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        foreach (var agent in options.Agents)
        {
            _agents[agent.Id] = new AgentRuntime(agent);
        }
    }

    public IInboundSink Inbound => this;

    /// <summary>Opens the store, recovers active interactions and starts the loop.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _store.InitializeAsync(cancellationToken).ConfigureAwait(false);
        foreach (var queue in _options.Queues)
        {
            _router.ConfigureQueue(queue);
        }

        foreach (var agent in _options.Agents)
        {
            _router.UpsertAgent(agent);
        }

        var active = await LoadActiveAsync(cancellationToken).ConfigureAwait(false);
        _router.Start(this);
        _loop = Task.Run(RunLoopAsync, CancellationToken.None);
        await RecoverAsync(active, cancellationToken).ConfigureAwait(false);
        HubLog.Started(_logger, active.Count);
    }

    /// <summary>Stops taking commands, finishes those queued and waits for deliveries in flight.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _commands.Writer.TryComplete();
        if (_loop is not null)
        {
            await _loop.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        Task[] pending;
        lock (_deliveries)
        {
            pending = [.. _deliveries];
        }

        try
        {
            await Task.WhenAll(pending).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Deliveries still in flight stay recorded as sent-but-unconfirmed on the timeline.
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        lock (_subscribersGate)
        {
            foreach (var s in _subscribers)
            {
                s.Writer.TryComplete();
            }

            _subscribers = [];
        }
    }

    public async ValueTask DisposeAsync()
    {
        _commands.Writer.TryComplete();
        if (!_stopping.IsCancellationRequested)
        {
            await _stopping.CancelAsync().ConfigureAwait(false);
        }

        if (_loop is not null)
        {
            await _loop.ConfigureAwait(false);
        }

        (_router as IDisposable)?.Dispose();
        _stopping.Dispose();
    }

    public ContactCenterStatistics GetStatistics() => new(
        Volatile.Read(ref _stateCounts[(int)InteractionState.InFlow]),
        Volatile.Read(ref _stateCounts[(int)InteractionState.Queued]) + Volatile.Read(ref _stateCounts[(int)InteractionState.Offered]),
        Volatile.Read(ref _stateCounts[(int)InteractionState.Connected]),
        Volatile.Read(ref _stateCounts[(int)InteractionState.WrapUp]),
        Interlocked.Read(ref _closed),
        Interlocked.Read(ref _abandoned),
        Interlocked.Read(ref _messagesIn),
        Interlocked.Read(ref _messagesOut),
        Volatile.Read(ref _agentsLoggedIn),
        Volatile.Read(ref _agentsAvailable));

    public IAsyncEnumerable<TimelineEvent> SubscribeAsync(CancellationToken cancellationToken = default)
    {
        // Registered now, not at the first MoveNextAsync, so that nothing committed after this call is missed.
        var channel = Channel.CreateBounded<TimelineEvent>(new BoundedChannelOptions(10_000)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        lock (_subscribersGate)
        {
            _subscribers = _subscribers.Add(channel);
        }

        return new Subscription(this, channel, cancellationToken);
    }

    /// <summary>How many event feeds are open (for tests).</summary>
    internal int SubscriberCount => _subscribers.Length;

    private void Unsubscribe(Channel<TimelineEvent> channel)
    {
        lock (_subscribersGate)
        {
            _subscribers = _subscribers.Remove(channel);
        }
    }

    // ---- the loop ----

    private Task<T> ExecuteAsync<T>(Func<HubTransaction, ValueTask<T>> run, CancellationToken cancellationToken, InboundMessage? inbound = null)
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

    private Task ExecuteAsync(Action<HubTransaction> run, CancellationToken cancellationToken)
        => ExecuteAsync<bool>(tx =>
        {
            run(tx);
            return ValueTask.FromResult(true);
        }, cancellationToken);

    /// <summary>Queues a command whose caller does not wait (router callbacks); failures are logged.</summary>
    private void Post(Action<HubTransaction> run)
    {
        var task = ExecuteAsync(run, CancellationToken.None);
        task.ContinueWith(
            static (t, state) => HubLog.CommandFailed((ILogger)state!, t.Exception!.GetBaseException()),
            _logger,
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private async Task RunLoopAsync()
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
                    await _store.CommitAsync(tx.Seal(), _stopping.Token).ConfigureAwait(false);
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

            Publish(tx.Changes.Events);
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
            foreach (var id in await _store.FindInboundMessagesAsync(channel, ids, _stopping.Token).ConfigureAwait(false))
            {
                known.Add((channel, id));
            }
        }
    }

    private void Publish(List<TimelineEvent> events)
    {
        var subscribers = _subscribers;
        if (subscribers.IsEmpty)
        {
            return;
        }

        foreach (var e in events)
        {
            foreach (var s in subscribers)
            {
                s.Writer.TryWrite(e);
            }
        }
    }

    private async Task<IReadOnlyList<Interaction>> LoadActiveAsync(CancellationToken cancellationToken)
    {
        var active = await _store.GetActiveInteractionsAsync(cancellationToken).ConfigureAwait(false);
        Array.Clear(_stateCounts);
        _active.Clear();
        _offeredTo.Clear();
        _openByKey.Clear();
        foreach (var interaction in active)
        {
            _active[interaction.Id] = interaction;
            _openByKey[(interaction.Channel, interaction.ConversationKey)] = interaction.Id;
            _stateCounts[(int)interaction.State]++;
        }

        return active;
    }

    /// <summary>After a failed commit the in-memory state may be ahead of the store: read it back.</summary>
    private async Task ReloadAsync()
    {
        _identities.Clear();
        _checkpoints.Clear();

        // Offers are not on the store's projection beyond the interaction's agent; keep who was offered what.
        var offeredTo = _offeredTo.ToArray();
        try
        {
            await LoadActiveAsync(_stopping.Token).ConfigureAwait(false);
            foreach (var (interaction, agents) in offeredTo)
            {
                if (_active.TryGetValue(interaction, out var current) && current.State == InteractionState.Offered)
                {
                    _offeredTo[interaction] = agents;
                }
            }
        }
        catch (Exception ex)
        {
            HubLog.ReloadFailed(_logger, ex);
        }
    }

    private async Task RecoverAsync(IReadOnlyList<Interaction> active, CancellationToken cancellationToken)
    {
        foreach (var interaction in active)
        {
            switch (interaction.State)
            {
                case InteractionState.Queued:
                case InteractionState.Offered:
                    await ExecuteAsync(tx =>
                    {
                        if (_active.TryGetValue(interaction.Id, out var current) && current.State == InteractionState.Offered)
                        {
                            current = Transition(tx, current, InteractionState.Queued, "recovered") with { Agent = null };
                            Put(tx, current);
                        }

                        var q = current?.Queue ?? interaction.Queue;
                        if (current is not null && q is { } queue)
                        {
                            var request = new RoutingRequest(current.Id, queue, current.Media, current.Tenant, current.Priority, current.UpdatedAt);
                            tx.After(() => _router.Enqueue(request));
                        }
                    }, cancellationToken).ConfigureAwait(false);
                    await ResumeWaitingFlowAsync(interaction, cancellationToken).ConfigureAwait(false);
                    break;
                case InteractionState.Connected:
                case InteractionState.WrapUp:
                    if (interaction.Agent is { } agent)
                    {
                        _router.Restore(interaction.Id, agent, interaction.Media, interaction.Queue);
                        await ExecuteAsync(_ => GetAgent(agent)?.Assigned.Add(interaction.Id), cancellationToken).ConfigureAwait(false);
                    }

                    break;
                case InteractionState.InFlow:
                    await ResumeFlowAsync(interaction, cancellationToken).ConfigureAwait(false);
                    break;
                case InteractionState.New:
                    await ExecuteAsync(tx =>
                    {
                        if (_active.TryGetValue(interaction.Id, out var current) && current.State == InteractionState.New)
                        {
                            RouteNew(tx, current);
                        }
                    }, cancellationToken).ConfigureAwait(false);
                    break;
            }
        }
    }

    /// <summary>A flow that was waiting with its interaction in a queue goes on waiting with it.</summary>
    private async Task ResumeWaitingFlowAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        if (_flows is null)
        {
            return;
        }

        var timeline = await _store.GetTimelineAsync(interaction.Id, cancellationToken).ConfigureAwait(false);
        if (timeline.OfType<FlowProgressEvent>().LastOrDefault() is { } progress)
        {
            _flows.ResumeWaiting(interaction with { State = InteractionState.Queued, Agent = null }, progress.Flow);
        }
    }

    private async Task ResumeFlowAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        var timeline = await _store.GetTimelineAsync(interaction.Id, cancellationToken).ConfigureAwait(false);
        var flow = timeline.OfType<FlowProgressEvent>().LastOrDefault()?.Flow ?? _flows?.SelectFlow(interaction);
        if (_flows is not null && flow is not null)
        {
            _flows.Start(interaction, flow, resume: true);
            return;
        }

        await ExecuteAsync(tx =>
        {
            if (_active.TryGetValue(interaction.Id, out var current) && current.State == InteractionState.InFlow)
            {
                var queue = QueueFor(current);
                if (queue is { } q)
                {
                    Enqueue(tx, current, q, current.Priority, null, "flow-unavailable");
                }
            }
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One subscriber's feed; its enumerator unsubscribes when disposed, even if it was never moved.</summary>
    private sealed class Subscription(InteractionHub hub, Channel<TimelineEvent> channel, CancellationToken token) : IAsyncEnumerable<TimelineEvent>
    {
        public IAsyncEnumerator<TimelineEvent> GetAsyncEnumerator(CancellationToken cancellationToken = default)
            => new Enumerator(hub, channel, CancellationTokenSource.CreateLinkedTokenSource(token, cancellationToken));

        private sealed class Enumerator(InteractionHub hub, Channel<TimelineEvent> channel, CancellationTokenSource cancellation) : IAsyncEnumerator<TimelineEvent>
        {
            public TimelineEvent Current { get; private set; } = null!;

            public async ValueTask<bool> MoveNextAsync()
            {
                while (await channel.Reader.WaitToReadAsync(cancellation.Token).ConfigureAwait(false))
                {
                    if (channel.Reader.TryRead(out var next))
                    {
                        Current = next;
                        return true;
                    }
                }

                return false;
            }

            public ValueTask DisposeAsync()
            {
                hub.Unsubscribe(channel);
                cancellation.Dispose();
                return ValueTask.CompletedTask;
            }
        }
    }

    private sealed class AgentRuntime(AgentDefinition definition)
    {
        public AgentDefinition Definition { get; set; } = definition;

        public AgentSession? Session { get; set; }

        public AgentState State { get; set; } = AgentState.Offline;

        public HashSet<InteractionId> Assigned { get; } = [];
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
