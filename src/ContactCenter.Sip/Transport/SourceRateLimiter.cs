using System.Net;

namespace ContactCenter.Sip.Transport;

/// <summary>
/// A token bucket per source IP address: each source may send <c>rate</c> messages per second, in bursts of up to
/// <c>rate</c>. Buckets idle for a minute are forgotten, so a spoofed flood of sources cannot grow memory forever. Thread-safe.
/// </summary>
internal sealed class SourceRateLimiter
{
    private static readonly TimeSpan IdleLifetime = TimeSpan.FromMinutes(1);
    private readonly Dictionary<IPAddress, Bucket> _buckets = [];
    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private readonly double _rate;
    private long _lastSweep;

    public SourceRateLimiter(TimeProvider time, int messagesPerSecond)
    {
        _time = time;
        _rate = messagesPerSecond;
        _lastSweep = time.GetTimestamp();
    }

    /// <summary>Takes one token for <paramref name="source"/>; false when its bucket is empty. <paramref name="firstRefusal"/> is true once per run of refusals, for logging.</summary>
    public bool TryAcquire(IPAddress source, out bool firstRefusal)
    {
        firstRefusal = false;
        if (_rate <= 0)
        {
            return true;
        }

        var now = _time.GetTimestamp();
        lock (_lock)
        {
            if (_time.GetElapsedTime(_lastSweep, now) > IdleLifetime)
            {
                Sweep(now);
            }

            if (!_buckets.TryGetValue(source, out var bucket))
            {
                bucket = new Bucket { Tokens = _rate, Last = now };
                _buckets[source] = bucket;
            }

            bucket.Tokens = Math.Min(_rate, bucket.Tokens + (_time.GetElapsedTime(bucket.Last, now).TotalSeconds * _rate));
            bucket.Last = now;
            if (bucket.Tokens >= 1)
            {
                bucket.Tokens -= 1;
                bucket.Refusing = false;
                return true;
            }

            firstRefusal = !bucket.Refusing;
            bucket.Refusing = true;
            return false;
        }
    }

    private void Sweep(long now)
    {
        _lastSweep = now;
        List<IPAddress>? idle = null;
        foreach (var (address, bucket) in _buckets)
        {
            if (_time.GetElapsedTime(bucket.Last, now) > IdleLifetime)
            {
                (idle ??= []).Add(address);
            }
        }

        if (idle is not null)
        {
            foreach (var address in idle)
            {
                _buckets.Remove(address);
            }
        }
    }

    private sealed class Bucket
    {
        public double Tokens;
        public long Last;
        public bool Refusing;
    }
}
