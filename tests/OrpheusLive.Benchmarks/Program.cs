using BenchmarkDotNet.Running;

// Run: dotnet run -c Release --project tests/OrpheusLive.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(OrpheusLive.Benchmarks.WindowLatencyBenchmarks).Assembly).Run(args);
