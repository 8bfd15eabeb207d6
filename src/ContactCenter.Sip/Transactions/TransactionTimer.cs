namespace ContactCenter.Sip.Transactions;

/// <summary>A one-shot, re-armable timer on a <see cref="TimeProvider"/>, created lazily. Not thread-safe: used under its transaction's lock.</summary>
internal sealed class TransactionTimer : IDisposable
{
    private readonly TimeProvider _time;
    private readonly TimerCallback _callback;
    private readonly object _state;
    private ITimer? _timer;

    public TransactionTimer(TimeProvider time, TimerCallback callback, object state)
    {
        _time = time;
        _callback = callback;
        _state = state;
    }

    /// <summary>Fires once after <paramref name="due"/> (zero fires as soon as possible).</summary>
    public void Start(TimeSpan due)
    {
        if (_timer is null)
        {
            _timer = _time.CreateTimer(_callback, _state, due, System.Threading.Timeout.InfiniteTimeSpan);
        }
        else
        {
            _timer.Change(due, System.Threading.Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Stops the timer if it is running.</summary>
    public void Stop() => _timer?.Change(System.Threading.Timeout.InfiniteTimeSpan, System.Threading.Timeout.InfiniteTimeSpan);

    public void Dispose()
    {
        _timer?.Dispose();
        _timer = null;
    }
}
