using System.Text;
using ContactCenter.Sip.Transactions;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Sip.Tests.Transactions;

/// <summary>A fake clock, a recording send path and the recorded end of one transaction.</summary>
internal sealed class TransactionHarness
{
    private readonly DateTimeOffset _start;

    public TransactionHarness()
    {
        _start = Time.GetUtcNow();
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    public List<(TimeSpan At, string Text)> Sent { get; } = [];

    public TransactionEnd? End { get; private set; }

    public int EndCount { get; private set; }

    public void Send(ReadOnlyMemory<byte> bytes) => Sent.Add((Time.GetUtcNow() - _start, Encoding.ASCII.GetString(bytes.Span)));

    public void Ended(SipTransaction transaction, TransactionEnd end)
    {
        End = end;
        EndCount++;
    }

    /// <summary>Advances the clock in small steps so that every timer fires at its own due time.</summary>
    public void Run(TimeSpan duration)
    {
        var step = TimeSpan.FromMilliseconds(50);
        for (var elapsed = TimeSpan.Zero; elapsed < duration; elapsed += step)
        {
            Time.Advance(step);
        }
    }

    public TimeSpan[] SendTimes(string text) => Sent.Where(s => s.Text == text).Select(s => s.At).ToArray();

    public static ReadOnlyMemory<byte> Bytes(string text) => Encoding.ASCII.GetBytes(text);

    public static TimeSpan Ms(double milliseconds) => TimeSpan.FromMilliseconds(milliseconds);
}
