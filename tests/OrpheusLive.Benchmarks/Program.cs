using BenchmarkDotNet.Running;

// Run: dotnet run -c Release --project tests/OrpheusLive.Benchmarks -- --filter '*'
// Calibration research dump (see WindowDump): ... -- dump-windows --manifest M.csv --out W.csv [--mode clips|stream]
if (args.Length > 0 && args[0] == "dump-windows")
{
    return await OrpheusLive.Benchmarks.WindowDump.RunAsync(args[1..]);
}

// Music library tools: `-- calibrate DIR…` (fits the valence–arousal reference statistics), `-- scan DB DIR…` (timed
// scan + rescan), `-- map DB OUT.png`, `-- cues FILE…` (the model's inputs), `-- profile FILE` (decode vs analysis time).
if (args.Length > 0 && args[0] == "calibrate") return OrpheusLive.Benchmarks.LibraryTools.Calibrate(args[1..]);
if (args.Length > 2 && args[0] == "map") return OrpheusLive.Benchmarks.LibraryTools.Map(args[1], args[2]);
if (args.Length > 1 && args[0] == "cues") return OrpheusLive.Benchmarks.LibraryTools.Cues(args[1..]);
if (args.Length > 1 && args[0] == "profile") return OrpheusLive.Benchmarks.LibraryTools.Profile(args[1]);
if (args.Length > 0 && args[0] == "scan") return await OrpheusLive.Benchmarks.LibraryTools.ScanAsync(args[1..]);

//      dotnet run -c Release --project tests/OrpheusLive.Benchmarks -- echo-measure …   (see EchoMeasurement)
if (args.Length > 0 && args[0] == "echo-measure")
{
    return OrpheusLive.Benchmarks.EchoMeasurement.Run(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(OrpheusLive.Benchmarks.WindowLatencyBenchmarks).Assembly).Run(args);
return 0;
