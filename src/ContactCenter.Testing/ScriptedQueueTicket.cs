using ContactCenter.Ivr.Services;

namespace ContactCenter.Testing;

/// <summary>A queue wait driven by a clock: the position starts at <see cref="ScriptedFlowHost.InitialPosition"/>
/// and drops by one every <see cref="ScriptedFlowHost.PositionStep"/>; an agent connects after
/// <see cref="ScriptedFlowHost.ConnectAfter"/> (if set). Thread-safe.</summary>
public sealed class ScriptedQueueTicket : IQueueTicket, IDisposable
{
    private readonly TimeProvider _time;
    private readonly DateTimeOffset _start;
    private readonly int? _initialPosition;
    private readonly TimeSpan _positionStep;
    private readonly TimeSpan? _estimatedWaitPerPosition;
    private readonly TimeSpan? _offeredFor;
    private readonly TaskCompletionSource<QueueWaitStatus> _completion = new();
    private readonly ITimer? _timer;

    internal ScriptedQueueTicket(TimeProvider time, EnqueueRequest request, int? initialPosition, TimeSpan positionStep, TimeSpan? estimatedWaitPerPosition, TimeSpan? connectAfter, TimeSpan? offeredFor, bool agentAcceptsAsCustomerLeaves = false)
    {
        _offeredFor = offeredFor;
        _time = time;
        _start = time.GetUtcNow();
        Request = request;
        _initialPosition = initialPosition;
        _positionStep = positionStep;
        _estimatedWaitPerPosition = estimatedWaitPerPosition;
        AgentAcceptsAsCustomerLeaves = agentAcceptsAsCustomerLeaves;
        if (connectAfter is { } after)
        {
            _timer = time.CreateTimer(static s => ((ScriptedQueueTicket)s!).Connect(), this, after, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>The request that created the ticket.</summary>
    public EnqueueRequest Request { get; }

    /// <summary>True once the customer left the queue.</summary>
    public bool Left { get; private set; }

    /// <inheritdoc />
    public QueueWaitStatus Status
    {
        get
        {
            if (_completion.Task.IsCompleted)
            {
                return _completion.Task.Result;
            }

            if (_offeredFor is { } offered && _time.GetUtcNow() - _start < offered)
            {
                return new QueueWaitStatus(QueueWaitState.Offered);
            }

            if (_initialPosition is not { } initial)
            {
                return new QueueWaitStatus(QueueWaitState.Waiting);
            }

            var moved = _positionStep > TimeSpan.Zero ? (int)((_time.GetUtcNow() - _start) / _positionStep) : 0;
            var position = Math.Max(1, initial - moved);
            return new QueueWaitStatus(QueueWaitState.Waiting, position, _estimatedWaitPerPosition * position);
        }
    }

    /// <inheritdoc />
    public Task<QueueWaitStatus> Completion => _completion.Task;

    /// <summary>An agent takes the interaction now.</summary>
    public void Connect() => _completion.TrySetResult(new QueueWaitStatus(QueueWaitState.Connected));

    /// <inheritdoc />
    public ValueTask<bool> LeaveAsync(CancellationToken cancellationToken)
    {
        if (AgentAcceptsAsCustomerLeaves)
        {
            Connect();
        }

        if (_completion.Task.IsCompleted && _completion.Task.Result.State == QueueWaitState.Connected)
        {
            return ValueTask.FromResult(false);
        }

        Left = true;
        _timer?.Dispose();
        return ValueTask.FromResult(true);
    }

    /// <summary>When set, an agent takes the interaction at the moment the customer asks to leave (the race a real
    /// queue has): <see cref="LeaveAsync"/> reports that the customer stayed with the agent.</summary>
    public bool AgentAcceptsAsCustomerLeaves { get; set; }

    /// <inheritdoc />
    public void Dispose() => _timer?.Dispose();
}
