using ContactCenter.Ivr.Services;

namespace ShopFlow;

/// <summary>Stands in for the contact center runtime: prints what a real host would do. A queued customer moves up
/// one place every 20 seconds and an agent answers after a minute.</summary>
internal sealed class ConsoleFlowHost(TimeProvider time, TextWriter log) : IFlowHost
{
    public ValueTask<IQueueTicket> EnqueueAsync(EnqueueRequest request, CancellationToken cancellationToken)
    {
        log.WriteLine($"[host] queued in '{request.Queue}' (skills: {string.Join(", ", request.Skills)})");
        return ValueTask.FromResult<IQueueTicket>(new Ticket(time, log));
    }

    public ValueTask<TransferResult> TransferAsync(TransferRequest request, CancellationToken cancellationToken)
    {
        log.WriteLine($"[host] transfer to {request.Kind} '{request.Target}'");
        return ValueTask.FromResult(TransferResult.Success);
    }

    public ValueTask<bool> ScheduleCallbackAsync(CallbackRequest request, CancellationToken cancellationToken)
    {
        log.WriteLine($"[host] callback to {request.PhoneNumber} scheduled ({request.Queue?.Value ?? "default queue"})");
        return ValueTask.FromResult(true);
    }

    public ValueTask SubmitVoicemailAsync(VoicemailRequest request, CancellationToken cancellationToken)
    {
        log.WriteLine($"[host] message for '{request.Queue}': {request.Text ?? request.RecordingLocation}");
        return ValueTask.CompletedTask;
    }

    private sealed class Ticket : IQueueTicket
    {
        private readonly TimeProvider _time;
        private readonly DateTimeOffset _start;
        private readonly TaskCompletionSource<QueueWaitStatus> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly ITimer _agent;

        public Ticket(TimeProvider time, TextWriter log)
        {
            _time = time;
            _start = time.GetUtcNow();
            _agent = time.CreateTimer(
                _ =>
                {
                    log.WriteLine("[host] agent Anna accepted the conversation");
                    _done.TrySetResult(new QueueWaitStatus(QueueWaitState.Connected));
                },
                null,
                TimeSpan.FromMinutes(1),
                Timeout.InfiniteTimeSpan);
        }

        public QueueWaitStatus Status
        {
            get
            {
                var position = Math.Max(1, 3 - (int)((_time.GetUtcNow() - _start) / TimeSpan.FromSeconds(20)));
                return new QueueWaitStatus(QueueWaitState.Waiting, position, TimeSpan.FromSeconds(20 * position));
            }
        }

        public Task<QueueWaitStatus> Completion => _done.Task;

        public ValueTask<bool> LeaveAsync(CancellationToken cancellationToken)
        {
            _agent.Dispose();
            return ValueTask.FromResult(!_done.Task.IsCompleted);
        }
    }
}
