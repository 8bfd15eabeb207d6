using System.Collections.Concurrent;
using ContactCenter.Channels;
using ContactCenter.Ivr;
using ContactCenter.Ivr.Services;
using ContactCenter.Ivr.Sessions;
using ContactCenter.Ivr.State;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Core.Flows;

/// <summary>
/// Runs the flows of a <see cref="FlowCatalog"/> for the interaction hub: one background task per interaction in a
/// flow, over a text or voice session on <see cref="IFlowContactCenter"/>, with flow state on the interaction timeline.
/// One subscription to the hub's events completes queue tickets and tells flows when the customer is gone; the
/// customer's messages come from the hub through <see cref="OnMessage"/> in every state the flow has them in.
/// Thread-safe; <see cref="StopAsync"/> cancels every run and leaves its state saved for the next start.
/// </summary>
internal sealed class FlowLauncher : IFlowLauncher, IAsyncDisposable
{
    private readonly FlowCatalog _catalog;
    private readonly Func<IFlowContactCenter> _contactCenter;
    private readonly ContactCenterOptions _options;
    private readonly Dictionary<string, IChannelConnector> _connectors;
    private readonly TimeProvider _time;
    private readonly IIntentRecognizer? _recognizer;
    private readonly ITextToSpeech? _textToSpeech;
    private readonly ConcurrentDictionary<InteractionId, FlowRun> _runs = new();
    private readonly ConcurrentDictionary<Task, bool> _tasks = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly object _gate = new();
    private IFlowContactCenter? _hub;
    private FlowRunner? _runner;
    private IFlowStateStore? _stateStore;
    private Task? _pump;
    private bool _stopped;

    public FlowLauncher(
        FlowCatalog catalog,
        Func<IFlowContactCenter> contactCenter,
        ContactCenterOptions options,
        IEnumerable<IChannelConnector> connectors,
        TimeProvider time,
        ILogger<FlowLauncher> logger,
        IIntentRecognizer? recognizer = null,
        ITextToSpeech? textToSpeech = null)
    {
        _catalog = catalog;
        _contactCenter = contactCenter;
        _options = options;
        _connectors = connectors.GroupBy(c => c.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        _time = time;
        Logger = logger;
        _recognizer = recognizer;
        _textToSpeech = textToSpeech;
    }

    /// <summary>The hub; resolved on first use because the hub itself is built with this launcher.</summary>
    public IFlowContactCenter ContactCenter => _hub ??= _contactCenter();

    public ILogger Logger { get; }

    public string? SelectFlow(Interaction interaction)
    {
        ArgumentNullException.ThrowIfNull(interaction);

        // Only customers who reach us get a flow; callbacks, outbound and API work go to their queue.
        if (interaction.Initiation != InitiationKind.Inbound || !EnsureBuilt())
        {
            return null;
        }

        return _catalog.ResolveFlow(interaction.Channel, interaction.Attributes.GetValueOrDefault(InteractionFlowSession.EntryPointAttribute))?.Name;
    }

    public void Start(Interaction interaction, string flow, bool resume) => Launch(interaction, flow, resume, onlyIfRunning: false);

    public void ResumeWaiting(Interaction interaction, string flow) => Launch(interaction, flow, resume: true, onlyIfRunning: true);

    private void Launch(Interaction interaction, string flow, bool resume, bool onlyIfRunning)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        ArgumentException.ThrowIfNullOrEmpty(flow);
        lock (_gate)
        {
            if (_stopped)
            {
                FlowLog.NotStarted(Logger, interaction.Id, flow);
                return;
            }

            EnsurePump();
            var cc = ContactCenter;
            InteractionFlowSession session = interaction.Media == MediaType.Voice
                ? new VoiceInteractionFlowSession(cc, interaction)
                : new TextInteractionFlowSession(cc, interaction, _connectors.TryGetValue(interaction.Channel, out var c) ? c.Capabilities : ChannelCapabilities.Text);
            var run = new FlowRun(interaction, session);
            if (!_runs.TryAdd(interaction.Id, run))
            {
                return;
            }

            var task = Task.Run(() => RunAsync(run, flow, resume, onlyIfRunning), CancellationToken.None);
            _tasks.TryAdd(task, true);
            task.ContinueWith(static (t, s) => ((ConcurrentDictionary<Task, bool>)s!).TryRemove(t, out _), _tasks,
                CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    public void OnMessage(Interaction interaction, MessageEvent message)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        ArgumentNullException.ThrowIfNull(message);
        if (_runs.TryGetValue(interaction.Id, out var run))
        {
            run.Session.Deliver(message);
        }
    }

    /// <summary>Cancels every run (their state stays saved, so the next start resumes them) and waits for them.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_stopped)
            {
                return;
            }

            _stopped = true;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        var pending = _tasks.Keys.ToList();
        if (_pump is { } pump)
        {
            pending.Add(pump);
        }

        try
        {
            await Task.WhenAll(pending).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host's stop time-out: runs still finishing keep their last saved state.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        _stopping.Dispose();
    }

    internal FlowRun GetRun(InteractionId interactionId)
        => _runs.TryGetValue(interactionId, out var run)
            ? run
            : throw new FlowHostException($"Interaction {interactionId} has no running flow.");

    /// <summary>The queue the interaction's channel goes to (the hub's one rule).</summary>
    internal QueueId? QueueFor(Interaction interaction) => _options.QueueForChannel(interaction.Channel);

    /// <summary>Where a callback call is placed: the interaction's own channel on voice, else the first voice channel.</summary>
    internal (string Channel, MediaType Media) CallbackChannelFor(Interaction interaction)
    {
        if (interaction.Media == MediaType.Voice)
        {
            return (interaction.Channel, MediaType.Voice);
        }

        var voice = _connectors.Values.FirstOrDefault(c => c.Media == MediaType.Voice);
        return voice is null ? (interaction.Channel, interaction.Media) : (voice.Name, MediaType.Voice);
    }

    private bool EnsureBuilt()
    {
        if (_catalog.IsBuilt)
        {
            return true;
        }

        try
        {
            _catalog.Build();
            return true;
        }
        catch (FlowValidationException ex)
        {
            // Hosting reports this at start; a host without that check must not fail the hub's command.
            FlowLog.CatalogInvalid(Logger, ex);
            return false;
        }
    }

    private FlowRunner GetRunner()
    {
        lock (_gate)
        {
            if (_runner is null)
            {
                _stateStore = new TimelineFlowStateStore(ContactCenter);
                _runner = new FlowRunner(_catalog, new FlowRunnerOptions
                {
                    TimeProvider = _time,
                    StateStore = _stateStore,
                    SaveMode = FlowStateSaveMode.EveryStep,
                    Host = new InteractionFlowHost(this),
                    IntentRecognizer = _recognizer,
                    TextToSpeech = _textToSpeech,
                });
            }

            return _runner;
        }
    }

    /// <summary>Starts the one subscription to the hub's events; registered synchronously, before any run exists.</summary>
    private void EnsurePump()
    {
        if (_pump is not null)
        {
            return;
        }

        var events = ContactCenter.SubscribeAsync(_stopping.Token);
        _pump = Task.Run(() => PumpAsync(events), CancellationToken.None);
    }

    private async Task PumpAsync(IAsyncEnumerable<TimelineEvent> events)
    {
        try
        {
            await foreach (var e in events.ConfigureAwait(false))
            {
                if (!_runs.TryGetValue(e.InteractionId, out var run))
                {
                    continue;
                }

                if (e is StateChangedEvent changed)
                {
                    run.OnStateChanged(changed.To);
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            FlowLog.SubscriptionFailed(Logger, ex);
        }
    }

    private async Task RunAsync(FlowRun run, string flow, bool resume, bool onlyIfRunning)
    {
        var token = _stopping.Token;
        try
        {
            var runner = GetRunner();
            FlowLog.Started(Logger, flow, run.Id, resume);
            FlowRunResult result;
            try
            {
                var saved = resume ? await _stateStore!.LoadAsync(run.Session.InteractionId, token).ConfigureAwait(false) : null;
                if (onlyIfRunning && saved is not { Status: FlowRunStatus.Running })
                {
                    // The flow had finished (it handed the interaction to routing): nothing waits with it.
                    return;
                }

                result = saved is { Status: FlowRunStatus.Running }
                    ? await runner.ResumeAsync(run.Session, token).ConfigureAwait(false)
                    : await runner.StartAsync(run.Session, flow, null, token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                if (await HasEndedAsync(run).ConfigureAwait(false))
                {
                    // The customer left (or someone closed the interaction) while the flow was talking.
                    return;
                }

                FlowLog.Crashed(Logger, flow, run.Id, ex);
                await FallbackAsync(run, flow, ex.GetType().Name + ": " + ex.Message).ConfigureAwait(false);
                return;
            }

            FlowLog.Completed(Logger, result.FlowName, run.Id, result.Outcome, result.Detail);
            await FinishAsync(run, result).ConfigureAwait(false);
        }
        finally
        {
            _runs.TryRemove(KeyValuePair.Create(run.Id, run));
        }
    }

    private async Task FinishAsync(FlowRun run, FlowRunResult result)
    {
        var cc = ContactCenter;
        try
        {
            switch (result.Outcome)
            {
                case FlowOutcome.Ended:
                    await cc.CloseAsync(run.Id, "flow-ended", CancellationToken.None).ConfigureAwait(false);
                    break;
                case FlowOutcome.CallbackScheduled:
                    await cc.CloseAsync(run.Id, "callback-scheduled", CancellationToken.None).ConfigureAwait(false);
                    break;
                case FlowOutcome.Transferred when run.TransferredToNumber is not null:
                    await cc.CloseAsync(run.Id, "transferred-to-number", CancellationToken.None).ConfigureAwait(false);
                    break;
                case FlowOutcome.Failed:
                    await FallbackAsync(run, result.FlowName, result.Detail ?? "failed").ConfigureAwait(false);
                    break;
                default:
                    // Enqueued and Transferred: routing has it. CustomerLeft: the hub abandoned it already.
                    break;
            }
        }
        catch (ContactCenterException ex)
        {
            if (!await HasEndedAsync(run).ConfigureAwait(false))
            {
                FlowLog.FinishFailed(Logger, run.Id, result.Outcome, ex);
            }
        }
    }

    private async Task FallbackAsync(FlowRun run, string flow, string reason)
    {
        if (QueueFor(run.Interaction) is not { } queue)
        {
            FlowLog.FailedNoQueue(Logger, flow, run.Id, reason, run.Interaction.Channel);
            return;
        }

        FlowLog.FailedFallback(Logger, flow, run.Id, reason, queue);
        try
        {
            await ContactCenter.EnqueueAsync(run.Id, queue, run.Interaction.Priority, null, CancellationToken.None).ConfigureAwait(false);
        }
        catch (ContactCenterException ex)
        {
            FlowLog.FinishFailed(Logger, run.Id, FlowOutcome.Failed, ex);
        }
    }

    private async Task<bool> HasEndedAsync(FlowRun run)
    {
        if (InteractionStateMachine.IsTerminal(run.State))
        {
            return true;
        }

        try
        {
            var current = await ContactCenter.GetInteractionAsync(run.Id, CancellationToken.None).ConfigureAwait(false);
            return current is null || current.IsEnded;
        }
        catch (ContactCenterException)
        {
            return false;
        }
    }
}
