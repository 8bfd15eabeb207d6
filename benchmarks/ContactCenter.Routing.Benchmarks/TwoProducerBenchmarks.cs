using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace ContactCenter.Routing.Benchmarks;

/// <summary>
/// Two producer threads, each feeding its own tenant's queues and accepting its own agents' offers, on one
/// shared router. Each operation is one decision; both threads' decisions are counted.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams)]
[CategoriesColumn]
public class TwoProducerBenchmarks
{
    private const int CyclesPerThread = 50_000;

    private IRouter? _router;
    private Driver[] _drivers = [];

    [ParamsSource(nameof(Cases))]
    public Case Case { get; set; } = Case.TwoProducerMatrix().First();

    public static IEnumerable<Case> Cases => Case.TwoProducerMatrix();

    [GlobalSetup(Target = nameof(NewInteraction2P_LockedTwin))]
    public void SetupNewTwin() => Build(twin: true, prefill: false);

    [GlobalSetup(Target = nameof(NewInteraction2P_Engine))]
    public void SetupNewEngine() => Build(twin: false, prefill: false);

    [GlobalSetup(Target = nameof(AgentFreed2P_LockedTwin))]
    public void SetupFreedTwin() => Build(twin: true, prefill: true);

    [GlobalSetup(Target = nameof(AgentFreed2P_Engine))]
    public void SetupFreedEngine() => Build(twin: false, prefill: true);

    [GlobalCleanup]
    public void Cleanup()
    {
        _router?.Dispose();
        _router = null;
        _drivers = [];
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = 2 * CyclesPerThread)]
    [BenchmarkCategory("new-interaction-2p")]
    public void NewInteraction2P_LockedTwin() => Run(static d => d.NewInteractionCycles(CyclesPerThread));

    [Benchmark(OperationsPerInvoke = 2 * CyclesPerThread)]
    [BenchmarkCategory("new-interaction-2p")]
    public void NewInteraction2P_Engine() => Run(static d => d.NewInteractionCycles(CyclesPerThread));

    [Benchmark(Baseline = true, OperationsPerInvoke = 2 * CyclesPerThread)]
    [BenchmarkCategory("agent-freed-2p")]
    public void AgentFreed2P_LockedTwin() => Run(static d => d.AgentFreedCycles(CyclesPerThread));

    [Benchmark(OperationsPerInvoke = 2 * CyclesPerThread)]
    [BenchmarkCategory("agent-freed-2p")]
    public void AgentFreed2P_Engine() => Run(static d => d.AgentFreedCycles(CyclesPerThread));

    private void Run(Action<Driver> work)
    {
        var other = _drivers[1];
        var thread = new Thread(() => work(other));
        thread.Start();
        work(_drivers[0]);
        thread.Join();
    }

    internal void Build(bool twin, bool prefill)
    {
        _router = twin ? new LockedTwinRouter(Case, 2) : new EngineRouter(Case, 2);
        _drivers = [new Driver(_router, Case, 0, 2), new Driver(_router, Case, 1, 2)];
        if (prefill)
        {
            _drivers[0].Prefill(Case.Waiting / 2);
            _drivers[1].Prefill(Case.Waiting / 2);
        }
    }
}
