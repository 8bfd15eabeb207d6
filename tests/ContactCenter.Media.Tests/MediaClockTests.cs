using ContactCenter.Media.Playback;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Media.Tests;

public class MediaClockTests
{
    private sealed class CountingTarget : IMediaTickTarget
    {
        private long _ticks;

        public long Ticks => Interlocked.Read(ref _ticks);

        public long LastTick { get; private set; }

        public void OnTick(long tick)
        {
            LastTick = tick;
            Interlocked.Increment(ref _ticks);
        }
    }

    private sealed class ThrowingTarget : IMediaTickTarget
    {
        public void OnTick(long tick) => throw new InvalidOperationException("boom");
    }

    [Fact]
    public async Task Start_FakeTimeAdvancedOneSecondInFrames_TicksFiftyTimes()
    {
        var time = new FakeTimeProvider();
        await using var clock = new MediaClock(time);
        var target = new CountingTarget();
        using var registration = clock.Register(target);
        using var ticked = new SemaphoreSlim(0);
        clock.Register(new SignallingTarget(ticked));
        clock.Start();

        for (var i = 1; i <= 50; i++)
        {
            await AdvanceUntilTickedAsync(time, ticked, clock, i);
        }

        Assert.Equal(50, clock.TickCount);
        Assert.Equal(50, target.Ticks);
        Assert.Equal(0, clock.SkippedTicks);
    }

    [Fact]
    public async Task Start_TimerFiresSixtyMillisecondsLate_RunsThreeTicksBackToBack()
    {
        var time = new FakeTimeProvider();
        await using var clock = new MediaClock(time);
        var target = new CountingTarget();
        clock.Register(target);
        using var ticked = new SemaphoreSlim(0);
        clock.Register(new SignallingTarget(ticked));
        clock.Start();
        await AdvanceUntilTickedAsync(time, ticked, clock, 1);

        time.Advance(TimeSpan.FromMilliseconds(60));
        for (var i = 0; i < 3; i++)
        {
            Assert.True(await ticked.WaitAsync(TimeSpan.FromSeconds(20)));
        }

        Assert.Equal(4, target.Ticks);
    }

    [Fact]
    public void Tick_ThousandTargets_OneClockTicksEachOnceInOrder()
    {
        var clock = new MediaClock(new FakeTimeProvider());
        var targets = Enumerable.Range(0, 1000).Select(_ => new CountingTarget()).ToList();
        var registrations = targets.Select(clock.Register).ToList();

        clock.Tick();
        clock.Tick();
        registrations[500].Dispose();
        clock.Tick();

        Assert.Equal(999, clock.TargetCount);
        Assert.All(targets.Where((_, i) => i != 500), t => Assert.Equal(3, t.Ticks));
        Assert.Equal(2, targets[500].Ticks);
        Assert.Equal(3, targets[0].LastTick);
    }

    [Fact]
    public void Tick_TargetThrows_OthersStillTickAndErrorIsRaised()
    {
        var clock = new MediaClock(new FakeTimeProvider());
        var failures = new List<MediaClockErrorEventArgs>();
        clock.TargetFailed += (_, e) => failures.Add(e);
        clock.Register(new ThrowingTarget());
        var healthy = new CountingTarget();
        clock.Register(healthy);

        clock.Tick();

        Assert.Equal(1, healthy.Ticks);
        Assert.IsType<InvalidOperationException>(Assert.Single(failures).Exception);
    }

    private static async Task AdvanceUntilTickedAsync(FakeTimeProvider time, SemaphoreSlim ticked, MediaClock clock, long tick)
    {
        time.Advance(MediaClock.FrameDuration);
        Assert.True(await ticked.WaitAsync(TimeSpan.FromSeconds(20)), $"tick {tick} did not run");
        Assert.Equal(tick, clock.TickCount);
    }

    private sealed class SignallingTarget(SemaphoreSlim signal) : IMediaTickTarget
    {
        public void OnTick(long tick) => signal.Release();
    }
}
