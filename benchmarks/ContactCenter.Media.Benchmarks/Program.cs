using BenchmarkDotNet.Running;

// Run all: dotnet run -c Release --project <this project> -- --filter '*'
// Dry (CI): dotnet run -c Release --project <this project> -- --filter '*' --job Dry
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
