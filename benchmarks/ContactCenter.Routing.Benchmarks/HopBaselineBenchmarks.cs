using System.Collections.Concurrent;
using System.Threading.Channels;
using BenchmarkDotNet.Attributes;
using ContactCenter.Routing.Internal;

namespace ContactCenter.Routing.Benchmarks;

/// <summary>
/// The raw cost of handing one command from a producer to a consumer, with no routing at all: the floor under
/// any design that moves work through a queue. Same 48-byte command struct in each.
/// </summary>
[MemoryDiagnoser]
public class HopBaselineBenchmarks
{
    private const int Ops = 10_000;
    private readonly ConcurrentQueue<Command> _queue = new();
    private readonly Channel<Command> _channel = Channel.CreateUnbounded<Command>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CommandRing _ring = new(1 << 12);

    [Benchmark(Baseline = true, OperationsPerInvoke = Ops)]
    public long ConcurrentQueue_EnqueueDequeue()
    {
        long sum = 0;
        var c = new Command { Id = 1 };
        for (int i = 0; i < Ops; i++)
        {
            _queue.Enqueue(c);
            _queue.TryDequeue(out var r);
            sum += r.Id;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Ops)]
    public long Channel_WriteRead()
    {
        long sum = 0;
        var c = new Command { Id = 1 };
        for (int i = 0; i < Ops; i++)
        {
            _channel.Writer.TryWrite(c);
            _channel.Reader.TryRead(out var r);
            sum += r.Id;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Ops)]
    public long CommandRing_WriteRead()
    {
        long sum = 0;
        var c = new Command { Id = 1 };
        for (int i = 0; i < Ops; i++)
        {
            _ring.TryWrite(c);
            _ring.TryRead(out var r);
            sum += r.Id;
        }

        return sum;
    }
}
