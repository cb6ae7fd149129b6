using BenchmarkDotNet.Running;

// Run: dotnet run -c Release --project tests/OrpheusLive.Benchmarks -- --filter '*'
// Music library tools: `-- calibrate DIR…` (fits the valence–arousal reference statistics), `-- scan DB DIR…` (timed scans).
if (args.Length > 0 && args[0] == "calibrate") return OrpheusLive.Benchmarks.LibraryTools.Calibrate(args[1..]);
if (args.Length > 1 && args[0] == "cues") return OrpheusLive.Benchmarks.LibraryTools.Cues(args[1..]);
if (args.Length > 1 && args[0] == "profile") return OrpheusLive.Benchmarks.LibraryTools.Profile(args[1]);
if (args.Length > 0 && args[0] == "scan") return await OrpheusLive.Benchmarks.LibraryTools.ScanAsync(args[1..]);
BenchmarkSwitcher.FromAssembly(typeof(OrpheusLive.Benchmarks.WindowLatencyBenchmarks).Assembly).Run(args);
return 0;
