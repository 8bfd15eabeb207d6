using System.Collections.Concurrent;
using ContactCenter.Ivr.Services;

namespace ContactCenter.Testing;

/// <summary>An <see cref="IFlowHost"/> for tests: records every request and answers as configured. Thread-safe
/// for recording; configure it before the run.</summary>
public sealed class ScriptedFlowHost : IFlowHost
{
    private readonly TimeProvider _time;
    private readonly ConcurrentQueue<ScriptedQueueTicket> _tickets = new();
    private readonly ConcurrentQueue<TransferRequest> _transfers = new();
    private readonly ConcurrentQueue<CallbackRequest> _callbacks = new();
    private readonly ConcurrentQueue<VoicemailRequest> _voicemails = new();

    /// <summary>Creates the host.</summary>
    /// <param name="time">The clock queue positions and connections follow (the runner's clock).</param>
    public ScriptedFlowHost(TimeProvider time)
    {
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    /// <summary>The first queue position reported, or null to report none. Default: null.</summary>
    public int? InitialPosition { get; set; }

    /// <summary>How often the position improves by one. Default: 30 s.</summary>
    public TimeSpan PositionStep { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Estimated wait per position ahead, or null to report none. Default: null.</summary>
    public TimeSpan? EstimatedWaitPerPosition { get; set; }

    /// <summary>When an agent connects after enqueueing, or null for never. Default: null.</summary>
    public TimeSpan? ConnectAfter { get; set; }

    /// <summary>Whether an agent takes the interaction at the moment the customer asks to leave the queue (the
    /// race between an accept and a leave choice). Default: false.</summary>
    public bool AgentAcceptsAsCustomerLeaves { get; set; }

    /// <summary>How long after enqueueing the ticket reports an offer out to an agent
    /// (<see cref="QueueWaitState.Offered"/>) before it waits again, or null for no offer. Default: null.</summary>
    public TimeSpan? OfferedFor { get; set; }

    /// <summary>Queues that refuse interactions.</summary>
    public ISet<string> RefusedQueues { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Whether transfers succeed. Default: true.</summary>
    public bool TransfersSucceed { get; set; } = true;

    /// <summary>Whether callbacks are scheduled. Default: true.</summary>
    public bool CallbacksSucceed { get; set; } = true;

    /// <summary>Every queue wait started.</summary>
    public IReadOnlyCollection<ScriptedQueueTicket> Tickets => _tickets;

    /// <summary>Every transfer requested.</summary>
    public IReadOnlyCollection<TransferRequest> Transfers => _transfers;

    /// <summary>Every callback requested.</summary>
    public IReadOnlyCollection<CallbackRequest> Callbacks => _callbacks;

    /// <summary>Every voicemail submitted.</summary>
    public IReadOnlyCollection<VoicemailRequest> Voicemails => _voicemails;

    /// <inheritdoc />
    public ValueTask<IQueueTicket> EnqueueAsync(EnqueueRequest request, CancellationToken cancellationToken)
    {
        if (RefusedQueues.Contains(request.Queue.Value))
        {
            throw new FlowHostException($"Queue '{request.Queue}' refused the interaction.");
        }

        var snapshot = request with { Variables = new Dictionary<string, string>(request.Variables) };
        var ticket = new ScriptedQueueTicket(_time, snapshot, InitialPosition, PositionStep, EstimatedWaitPerPosition, ConnectAfter, OfferedFor, AgentAcceptsAsCustomerLeaves);
        _tickets.Enqueue(ticket);
        return ValueTask.FromResult<IQueueTicket>(ticket);
    }

    /// <inheritdoc />
    public ValueTask<TransferResult> TransferAsync(TransferRequest request, CancellationToken cancellationToken)
    {
        _transfers.Enqueue(request with { Variables = new Dictionary<string, string>(request.Variables) });
        return ValueTask.FromResult(TransfersSucceed ? TransferResult.Success : TransferResult.Failed("refused by the scripted host"));
    }

    /// <inheritdoc />
    public ValueTask<bool> ScheduleCallbackAsync(CallbackRequest request, CancellationToken cancellationToken)
    {
        _callbacks.Enqueue(request with { Variables = new Dictionary<string, string>(request.Variables) });
        return ValueTask.FromResult(CallbacksSucceed);
    }

    /// <inheritdoc />
    public ValueTask SubmitVoicemailAsync(VoicemailRequest request, CancellationToken cancellationToken)
    {
        _voicemails.Enqueue(request);
        return ValueTask.CompletedTask;
    }
}
