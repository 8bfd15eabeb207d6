using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using ContactCenter.Routing.Benchmarks;

// Run all:  dotnet run -c Release --project <this project> -- --filter '*'
// Dry (CI): dotnet run -c Release --project <this project> -- --filter '*' --job Dry --inProcess
// Latency:  dotnet run -c Release --project <this project> -- latency   (per-decision p50/p99, not BenchmarkDotNet)
// Profile:  dotnet run -c Release --project <this project> -- profile <case 0-3> <new|freed> <engine|twin> <seconds> [producers]
if (args.Length > 0 && args[0] == "profile")
{
    LatencyHarness.Profile(args.Skip(1).ToArray());
    return;
}

if (args.Length > 0 && args[0] == "latency")
{
    LatencyHarness.Run(args.Skip(1).ToArray());
    return;
}

// Without an explicit job, a short one (2 warm-ups, 8 measured iterations) keeps the full matrix under 15 minutes.
var config = args.Contains("--job") || args.Contains("-j")
    ? DefaultConfig.Instance
    : DefaultConfig.Instance.AddJob(Job.Default.WithWarmupCount(2).WithIterationCount(8).WithLaunchCount(1).AsDefault());
BenchmarkSwitcher.FromAssembly(typeof(Case).Assembly).Run(args, config);
