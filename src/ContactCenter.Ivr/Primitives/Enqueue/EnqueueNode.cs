using System.Globalization;
using System.Runtime.CompilerServices;
using ContactCenter.Ivr.Engine;
using ContactCenter.Ivr.Services;
using ContactCenter.Ivr.Sessions;
using ContactCenter.Ivr.Primitives.Menu;

namespace ContactCenter.Ivr.Primitives.Enqueue;

internal sealed class EnqueueNode : FlowNode
{
    private readonly EnqueueOptions _options;
    private Template _hold = Template.Empty;
    private Template _position = Template.Empty;
    private Template _waitTime = Template.Empty;
    private ChoiceSet? _leave;
    private FlowNode[] _leaveTargets = Array.Empty<FlowNode>();
    private FlowNode? _refused;
    private FlowNode? _maxWait;

    public override string? QueueReference => _options.Queue;

    public EnqueueNode(string id, EnqueueOptions options)
        : base(id)
    {
        _options = options;
    }

    public override string Kind => "enqueue";

    public override void Prepare(NodeValidation v)
    {
        var o = _options;
        v.Required(o.Queue, nameof(EnqueueOptions.Queue));
        v.Range(o.MessageInterval, nameof(EnqueueOptions.MessageInterval), FlowLimits.MinQueueMessageInterval, FlowLimits.MaxQueueMessageInterval);
        v.Range(o.HoldMessageDelay, nameof(EnqueueOptions.HoldMessageDelay), TimeSpan.Zero, FlowLimits.MaxHoldMessageDelay);
        _hold = Template.Parse(o.HoldMessage);
        _position = Template.Parse(o.PositionMessage);
        _waitTime = Template.Parse(o.WaitTimeMessage);
        var choices = o.LeaveChoices ?? new List<MenuChoice>();
        _leaveTargets = MenuNode.ResolveChoices(v, choices, nameof(EnqueueOptions.LeaveChoices), required: false);
        if (choices.Count > 0)
        {
            _leave = new ChoiceSet(Template.Parse(o.LeavePrompt), choices, "For {label}, press {key}.", "{key}. {label}", announce: true);
        }

        if (o.MaxWait is { } maxWait)
        {
            v.Range(maxWait, nameof(EnqueueOptions.MaxWait), FlowLimits.MinQueueMessageInterval, TimeSpan.FromHours(24));
            _maxWait = v.Target(o.OnMaxWait, nameof(EnqueueOptions.OnMaxWait), required: true);
        }

        _refused = v.Next("Next, taken when the queue refuses the interaction");
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public override async ValueTask<NodeResult> ExecuteAsync(FlowExecution x)
    {
        var o = _options;
        if (x.Host is not { } host)
        {
            await RaiseAsync(x, EnqueueEventKind.Refused, default).ConfigureAwait(false);
            return NodeResult.Continue(_refused!);
        }

        IQueueTicket ticket;
        try
        {
            ticket = await host.EnqueueAsync(
                new EnqueueRequest(x.Session.InteractionId, new QueueId(o.Queue), (o.Skills ?? new List<string>()).ToArray(), o.Priority, x.Variables),
                x.Cancellation).ConfigureAwait(false);
        }
        catch (FlowHostException)
        {
            await RaiseAsync(x, EnqueueEventKind.Refused, default).ConfigureAwait(false);
            return NodeResult.Continue(_refused!);
        }

        await RaiseAsync(x, EnqueueEventKind.Queued, ticket.Status).ConfigureAwait(false);
        var started = x.Time.GetUtcNow();
        var first = true;

        // Nothing is said before the grace period: when an agent is free the offer is already out, and "all our
        // agents are busy" right before the agent's greeting would be false.
        var announceAt = started + o.HoldMessageDelay;
        while (true)
        {
            if (ticket.Completion.IsCompleted)
            {
                return await EndedAsync(x, ticket).ConfigureAwait(false);
            }

            var now = x.Time.GetUtcNow();
            TimeSpan wait;
            if (now >= announceAt)
            {
                var status = ticket.Status;
                if (status.State == QueueWaitState.Waiting)
                {
                    await AnnounceAsync(x, status, first).ConfigureAwait(false);
                    first = false;
                    wait = o.MessageInterval;
                }
                else
                {
                    // An agent is being offered the interaction: keep silent and look again after the grace period.
                    wait = o.HoldMessageDelay > TimeSpan.Zero ? o.HoldMessageDelay : FlowLimits.MinQueueMessageInterval;
                }

                announceAt = now + wait;
            }
            else
            {
                wait = announceAt - now;
            }

            if (o.MaxWait is { } maxWait)
            {
                var left = maxWait - (now - started);
                if (left <= TimeSpan.Zero)
                {
                    if (!await ticket.LeaveAsync(x.Cancellation).ConfigureAwait(false))
                    {
                        return await EndedAsync(x, ticket).ConfigureAwait(false);
                    }

                    await RaiseAsync(x, EnqueueEventKind.MaxWaitReached, ticket.Status).ConfigureAwait(false);
                    return NodeResult.Continue(_maxWait!);
                }

                wait = left < wait ? left : wait;
            }

            var input = await ReceiveOrCompletionAsync(x, ticket, wait).ConfigureAwait(false);
            if (input.Kind == FlowInputKind.Disconnected)
            {
                await ticket.LeaveAsync(x.Cancellation).ConfigureAwait(false);
                return NodeResult.CustomerLeft;
            }

            if (input.HasValue && _leave is not null && _leave.Match(input) is var index and >= 0)
            {
                if (!await ticket.LeaveAsync(x.Cancellation).ConfigureAwait(false))
                {
                    // An agent took the interaction as the customer chose to leave: the agent wins.
                    return await EndedAsync(x, ticket).ConfigureAwait(false);
                }

                await RaiseAsync(x, EnqueueEventKind.Left, ticket.Status).ConfigureAwait(false);
                return NodeResult.Continue(_leaveTargets[index]);
            }
        }
    }

    private async ValueTask<NodeResult> EndedAsync(FlowExecution x, IQueueTicket ticket)
    {
        var status = await ticket.Completion.ConfigureAwait(false);
        await RaiseAsync(x, EnqueueEventKind.Ended, status).ConfigureAwait(false);
        return NodeResult.Finish(FlowOutcome.Enqueued, _options.Queue);
    }

    /// <summary>Waits for input until the interval passes or the ticket completes; the receive is always ended
    /// (cancelled) before returning so that no read is left pending to swallow later input.</summary>
    private static async ValueTask<FlowInput> ReceiveOrCompletionAsync(FlowExecution x, IQueueTicket ticket, TimeSpan wait)
    {
        using var cts = new CancellationTokenSource(Timeout.InfiniteTimeSpan, x.Time);
        using var outer = x.Cancellation.UnsafeRegister(static s => ((CancellationTokenSource)s!).Cancel(), cts);
        _ = ticket.Completion.ContinueWith(
            static (_, s) => TryCancel((CancellationTokenSource)s!),
            cts,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        cts.CancelAfter(wait);
        x.StepsWithoutInput = 0;
        await x.CheckpointAsync().ConfigureAwait(false);
        try
        {
            return await x.Session.ReceiveAsync(new InputRequest(x.State.NodeId, InputExpectation.Any, wait), cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            x.Cancellation.ThrowIfCancellationRequested();
            return FlowInput.TimedOut;
        }
    }

    private static void TryCancel(CancellationTokenSource cts)
    {
        try
        {
            cts.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The wait already ended.
        }
    }

    private async ValueTask AnnounceAsync(FlowExecution x, QueueWaitStatus status, bool first)
    {
        if (status.Position is { } position)
        {
            x.Variables["queue.position"] = position.ToString(CultureInfo.InvariantCulture);
        }

        if (status.EstimatedWait is { } ewt)
        {
            var minutes = Math.Max(1, (int)Math.Ceiling(ewt.TotalMinutes));
            x.Variables["queue.waitMinutes"] = minutes.ToString(CultureInfo.InvariantCulture);
            x.Variables["queue.wait"] = minutes == 1 ? "1 minute" : minutes.ToString(CultureInfo.InvariantCulture) + " minutes";
        }

        if (first || (status.Position is null && status.EstimatedWait is null))
        {
            await x.SayAsync(_hold).ConfigureAwait(false);
        }

        if (status.Position is not null)
        {
            await x.SayAsync(_position).ConfigureAwait(false);
        }

        if (status.EstimatedWait is not null)
        {
            await x.SayAsync(_waitTime).ConfigureAwait(false);
        }

        if (_leave is not null)
        {
            await _leave.PresentAsync(x).ConfigureAwait(false);
        }

        if (!first)
        {
            await RaiseAsync(x, EnqueueEventKind.Update, status).ConfigureAwait(false);
        }
    }

    private ValueTask RaiseAsync(FlowExecution x, EnqueueEventKind kind, QueueWaitStatus status) =>
        _options.OnQueueEvent is { } callback
            ? callback(new EnqueueArguments(x.Session.InteractionId, Id, _options.Queue, kind, status))
            : ValueTask.CompletedTask;
}
