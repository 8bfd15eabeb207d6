using System.Diagnostics;

namespace ContactCenter.Routing.Benchmarks;

/// <summary>
/// Per-decision latency, which BenchmarkDotNet does not measure (its percentiles are of iteration means):
/// each decision-making call (enqueue on the new-interaction path, complete on the agent-freed path) is timed
/// with <see cref="Stopwatch.GetTimestamp"/> into a preallocated array, then sorted for p50/p99/p99.9.
/// </summary>
internal static class LatencyHarness
{
    private const int Warmup = 100_000;
    private const int Measured = 400_000;

    /// <summary>Runs one path for a while without timing, for an external profiler (perf, dotnet-trace).</summary>
    public static void Profile(string[] args)
    {
        var c = Case.Matrix().ElementAt(int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture));
        bool freed = args[1] == "freed";
        int producers = args.Length > 4 ? int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture) : 1;
        using IRouter router = args[2] == "twin" ? new LockedTwinRouter(c, producers) : new EngineRouter(c, producers);
        var drivers = Enumerable.Range(0, producers).Select(p => new Driver(router, c, p, producers)).ToArray();
        if (freed)
        {
            foreach (var d in drivers)
            {
                d.Prefill(c.Waiting / producers);
            }
        }

        Console.WriteLine($"profiling {c} {args[1]} {args[2]} x{producers}, pid {Environment.ProcessId}");
        var until = Stopwatch.GetTimestamp() + (Stopwatch.Frequency * int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture));
        long cycles = 0;
        var threads = drivers.Select(d => new Thread(() =>
        {
            long mine = 0;
            while (Stopwatch.GetTimestamp() < until)
            {
                if (freed)
                {
                    d.AgentFreedCycles(10_000);
                }
                else
                {
                    d.NewInteractionCycles(10_000);
                }

                mine += 10_000;
            }

            Interlocked.Add(ref cycles, mine);
        })).ToArray();
        foreach (var t in threads)
        {
            t.Start();
        }

        foreach (var t in threads)
        {
            t.Join();
        }

        Console.WriteLine($"{cycles:N0} cycles");
    }

    public static void Run(string[] args)
    {
        Console.WriteLine($"Per-decision latency, {Environment.ProcessorCount} cores, {Measured:N0} timed decisions per row after {Warmup:N0} warm-up (timer overhead ~20-40 ns included).");
        Console.WriteLine();
        Console.WriteLine("| case | path | producers | implementation | decisions/s | p50 | p99 | p99.9 |");
        Console.WriteLine("|---|---|---:|---|---:|---:|---:|---:|");
        foreach (var c in Case.Matrix())
        {
            foreach (bool freed in new[] { false, true })
            {
                foreach (bool twin in new[] { true, false })
                {
                    Measure(c, freed, twin, 1);
                }
            }
        }

        foreach (var c in Case.TwoProducerMatrix())
        {
            foreach (bool freed in new[] { false, true })
            {
                foreach (bool twin in new[] { true, false })
                {
                    Measure(c, freed, twin, 2);
                }
            }
        }
    }

    private static void Measure(Case c, bool freed, bool twin, int producers)
    {
        using IRouter router = twin ? new LockedTwinRouter(c, producers) : new EngineRouter(c, producers);
        var drivers = Enumerable.Range(0, producers).Select(p => new Driver(router, c, p, producers)).ToArray();
        if (freed)
        {
            foreach (var d in drivers)
            {
                d.Prefill(c.Waiting / producers);
            }
        }

        void Work(Driver d, int cycles)
        {
            if (freed)
            {
                d.AgentFreedCycles(cycles);
            }
            else
            {
                d.NewInteractionCycles(cycles);
            }
        }

        void Parallel(int cycles)
        {
            var threads = drivers.Skip(1).Select(d => new Thread(() => Work(d, cycles))).ToArray();
            foreach (var t in threads)
            {
                t.Start();
            }

            Work(drivers[0], cycles);
            foreach (var t in threads)
            {
                t.Join();
            }
        }

        Parallel(Warmup / producers);
        foreach (var d in drivers)
        {
            d.Samples = new long[Measured / producers];
        }

        GC.Collect();
        long start = Stopwatch.GetTimestamp();
        Parallel(Measured / producers);
        double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var all = drivers.SelectMany(d => d.Samples!.Take(d.SampleCount)).ToArray();
        Array.Sort(all);
        double ns = 1e9 / Stopwatch.Frequency;
        string P(double q) => $"{all[(int)Math.Min(all.Length - 1, q * all.Length)] * ns:N0} ns";
        Console.WriteLine($"| {c} | {(freed ? "agent-freed" : "new-interaction")} | {producers} | {(twin ? "locked twin" : "engine")} | {Measured / seconds:N0} | {P(0.50)} | {P(0.99)} | {P(0.999)} |");
    }
}
