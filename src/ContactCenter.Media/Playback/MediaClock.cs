namespace ContactCenter.Media.Playback;

/// <summary>
/// The one pacing clock shared by every call: a single <see cref="PeriodicTimer"/> on a <see cref="TimeProvider"/>
/// that ticks every 20 ms and runs <see cref="IMediaTickTarget.OnTick"/> of every registered target in turn, so a
/// thousand calls cost one timer and one loop, not a thousand timers or threads.
/// </summary>
/// <remarks>
/// Pacing is exact on average: each wake-up computes how many 20 ms ticks are due since the start from the
/// time provider's monotonic timestamp and runs that many (a timer that fires late runs two ticks back to back;
/// one that fires up to 2 ms early counts as on time). If the loop falls more than
/// <see cref="MaxCatchUpTicks"/> behind (a stalled process) it skips ahead rather than bursting, and counts the
/// skipped ticks in <see cref="SkippedTicks"/>. Registration is copy-on-write, so a tick walks a plain array and
/// allocates nothing. Targets run sequentially on the loop: they must not block.
/// </remarks>
public sealed class MediaClock : IAsyncDisposable
{
    /// <summary>The frame and tick period.</summary>
    public static readonly TimeSpan FrameDuration = TimeSpan.FromMilliseconds(20);

    /// <summary>Ticks run back to back at most after a late wake-up; beyond that ticks are skipped.</summary>
    public const int MaxCatchUpTicks = 5;

    private static readonly TimeSpan s_earlyTolerance = TimeSpan.FromMilliseconds(2);

    private readonly TimeProvider _timeProvider;
    private readonly Lock _lock = new();
    private readonly CancellationTokenSource _stop = new();
    private IMediaTickTarget[] _targets = [];
    private Task? _loop;
    private long _tick;
    private long _skipped;

    /// <summary>Creates a clock; call <see cref="Start"/> to run it.</summary>
    /// <param name="timeProvider">Time source; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    public MediaClock(TimeProvider? timeProvider = null)
    {
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Raised (on the clock loop) when a target throws; the clock carries on.</summary>
    public event EventHandler<MediaClockErrorEventArgs>? TargetFailed;

    /// <summary>Ticks run so far.</summary>
    public long TickCount => Interlocked.Read(ref _tick);

    /// <summary>Ticks skipped because the loop fell too far behind.</summary>
    public long SkippedTicks => Interlocked.Read(ref _skipped);

    /// <summary>Registered targets.</summary>
    public int TargetCount => Volatile.Read(ref _targets).Length;

    /// <summary>The time source.</summary>
    public TimeProvider TimeProvider => _timeProvider;

    /// <summary>Starts the tick loop.</summary>
    public void Start()
    {
        lock (_lock)
        {
            if (_loop is not null)
            {
                throw new InvalidOperationException("The media clock is already running.");
            }

            // The timer and the start time are taken here, not on the loop's thread, so time that passes after
            // Start returns (a fake clock advanced by a test) is already counted.
            var timer = new PeriodicTimer(FrameDuration, _timeProvider);
            var start = _timeProvider.GetTimestamp();
            _loop = Task.Run(() => RunAsync(timer, start));
        }
    }

    /// <summary>Adds a target; it is ticked from the next tick on.</summary>
    /// <param name="target">The target.</param>
    /// <returns>Dispose to remove the target.</returns>
    public IDisposable Register(IMediaTickTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        lock (_lock)
        {
            _targets = [.. _targets, target];
        }

        return new Registration(this, target);
    }

    /// <summary>Stops the loop.</summary>
    /// <returns>A task that completes when the loop has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_loop is { } loop)
        {
            try
            {
                await loop.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }

        _stop.Dispose();
    }

    /// <summary>Runs one tick over all targets now (tests and benchmarks drive the clock by hand with this).</summary>
    internal void Tick()
    {
        var tick = Interlocked.Increment(ref _tick);
        var targets = Volatile.Read(ref _targets);
        foreach (var target in targets)
        {
            try
            {
                target.OnTick(tick);
            }
#pragma warning disable CA1031 // One failing call must not stop the media of every other call.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                TargetFailed?.Invoke(this, new MediaClockErrorEventArgs(target, exception));
            }
        }
    }

    private void Unregister(IMediaTickTarget target)
    {
        lock (_lock)
        {
            var index = Array.IndexOf(_targets, target);
            if (index >= 0)
            {
                _targets = [.. _targets.AsSpan(0, index), .. _targets.AsSpan(index + 1)];
            }
        }
    }

    private async Task RunAsync(PeriodicTimer timer, long start)
    {
        using var owned = timer;
        var token = _stop.Token;
        long done = 0;
        while (await timer.WaitForNextTickAsync(token).ConfigureAwait(false))
        {
            var due = (long)((_timeProvider.GetElapsedTime(start) + s_earlyTolerance) / FrameDuration);
            if (due - done > MaxCatchUpTicks)
            {
                Interlocked.Add(ref _skipped, due - done - 1);
                done = due - 1;
            }

            while (done < due)
            {
                done++;
                Tick();
            }
        }
    }

    private sealed class Registration(MediaClock clock, IMediaTickTarget target) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                clock.Unregister(target);
            }
        }
    }
}
