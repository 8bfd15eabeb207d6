using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace ContactCenter.Routing.Benchmarks;

/// <summary>
/// One producer thread. Each operation is one routing decision together with the host calls around it
/// (new-interaction: enqueue + accept + complete; agent-freed: complete + accept + enqueue into the backlog).
/// The lock-based twin is the baseline of each category.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams)]
[CategoriesColumn]
public class RoutingDecisionBenchmarks
{
    private const int Cycles = 50_000;

    private IRouter? _router;
    private Driver? _driver;

    [ParamsSource(nameof(Cases))]
    public Case Case { get; set; } = Case.Matrix().First();

    public static IEnumerable<Case> Cases => Case.Matrix();

    [GlobalSetup(Target = nameof(NewInteraction_LockedTwin))]
    public void SetupNewInteractionTwin() => Build(twin: true, prefill: false);

    [GlobalSetup(Target = nameof(NewInteraction_Engine))]
    public void SetupNewInteractionEngine() => Build(twin: false, prefill: false);

    [GlobalSetup(Target = nameof(AgentFreed_LockedTwin))]
    public void SetupAgentFreedTwin() => Build(twin: true, prefill: true);

    [GlobalSetup(Target = nameof(AgentFreed_Engine))]
    public void SetupAgentFreedEngine() => Build(twin: false, prefill: true);

    [GlobalCleanup]
    public void Cleanup()
    {
        _router?.Dispose();
        _router = null;
        _driver = null;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Cycles)]
    [BenchmarkCategory("new-interaction")]
    public void NewInteraction_LockedTwin() => _driver!.NewInteractionCycles(Cycles);

    [Benchmark(OperationsPerInvoke = Cycles)]
    [BenchmarkCategory("new-interaction")]
    public void NewInteraction_Engine() => _driver!.NewInteractionCycles(Cycles);

    [Benchmark(Baseline = true, OperationsPerInvoke = Cycles)]
    [BenchmarkCategory("agent-freed")]
    public void AgentFreed_LockedTwin() => _driver!.AgentFreedCycles(Cycles);

    [Benchmark(OperationsPerInvoke = Cycles)]
    [BenchmarkCategory("agent-freed")]
    public void AgentFreed_Engine() => _driver!.AgentFreedCycles(Cycles);

    internal void Build(bool twin, bool prefill)
    {
        _router = twin ? new LockedTwinRouter(Case, 1) : new EngineRouter(Case, 1);
        _driver = new Driver(_router, Case, 0, 1);
        if (prefill)
        {
            _driver.Prefill(Case.Waiting);
        }
    }
}
