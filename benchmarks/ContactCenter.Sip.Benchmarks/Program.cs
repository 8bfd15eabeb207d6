using BenchmarkDotNet.Running;
using ContactCenter.Sip.Benchmarks;

// Run all: dotnet run -c Release --project <this project> -- --filter '*'
// Dry (CI): dotnet run -c Release --project <this project> -- --filter '*' --job Dry
// UAS for the sipp load test (sipp-load.sh): dotnet run -c Release --project <this project> -- uas-host --port 5070
if (args is ["uas-host", ..])
{
    return await UasLoadHost.RunAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
