using System.Net;
using ContactCenter.Sip.Transport;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Sip.Tests.Transport;

public sealed class SourceRateLimiterTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void TryAcquire_BurstOverRate_RefusesExcessAndReportsFirstRefusalOnce()
    {
        var limiter = new SourceRateLimiter(_time, 10);
        var source = IPAddress.Parse("192.0.2.1");

        for (var i = 0; i < 10; i++)
        {
            Assert.True(limiter.TryAcquire(source, out _));
        }

        Assert.False(limiter.TryAcquire(source, out var first));
        Assert.True(first);
        Assert.False(limiter.TryAcquire(source, out var second));
        Assert.False(second);
    }

    [Fact]
    public void TryAcquire_AfterRefill_AcceptsAgain()
    {
        var limiter = new SourceRateLimiter(_time, 10);
        var source = IPAddress.Parse("192.0.2.1");
        for (var i = 0; i < 11; i++)
        {
            limiter.TryAcquire(source, out _);
        }

        _time.Advance(TimeSpan.FromMilliseconds(250));

        Assert.True(limiter.TryAcquire(source, out _));
        Assert.True(limiter.TryAcquire(source, out _));
    }

    [Fact]
    public void TryAcquire_OtherSource_HasItsOwnBucket()
    {
        var limiter = new SourceRateLimiter(_time, 1);
        Assert.True(limiter.TryAcquire(IPAddress.Parse("192.0.2.1"), out _));
        Assert.False(limiter.TryAcquire(IPAddress.Parse("192.0.2.1"), out _));

        Assert.True(limiter.TryAcquire(IPAddress.Parse("192.0.2.2"), out _));
    }

    [Fact]
    public void TryAcquire_ZeroRate_Unlimited()
    {
        var limiter = new SourceRateLimiter(_time, 0);
        for (var i = 0; i < 10_000; i++)
        {
            Assert.True(limiter.TryAcquire(IPAddress.Loopback, out _));
        }
    }
}
