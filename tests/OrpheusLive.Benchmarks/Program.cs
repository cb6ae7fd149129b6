using BenchmarkDotNet.Running;

// Run: dotnet run -c Release --project tests/OrpheusLive.Benchmarks -- --filter '*'
// Calibration research dump (see WindowDump): ... -- dump-windows --manifest M.csv --out W.csv [--mode clips|stream]
if (args.Length > 0 && args[0] == "dump-windows")
{
    return await OrpheusLive.Benchmarks.WindowDump.RunAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(OrpheusLive.Benchmarks.WindowLatencyBenchmarks).Assembly).Run(args);
return 0;
