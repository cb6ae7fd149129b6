using BenchmarkDotNet.Running;

// Run: dotnet run -c Release --project tests/OrpheusLive.Benchmarks -- --filter '*'
//      dotnet run -c Release --project tests/OrpheusLive.Benchmarks -- echo-measure …   (see EchoMeasurement)
if (args.Length > 0 && args[0] == "echo-measure")
{
    return OrpheusLive.Benchmarks.EchoMeasurement.Run(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(OrpheusLive.Benchmarks.WindowLatencyBenchmarks).Assembly).Run(args);
return 0;
