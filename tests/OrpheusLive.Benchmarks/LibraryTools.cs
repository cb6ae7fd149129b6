using System.Collections.Concurrent;
using System.Diagnostics;
using OrpheusLive.Audio.Decoding;
using OrpheusLive.Audio.Decoding.Formats;
using OrpheusLive.Library.Analysis;
using OrpheusLive.Library.Emotion;

namespace OrpheusLive.Benchmarks;

/// <summary>Command-line tools for the music library: calibration of the valence–arousal model and timed scans.</summary>
public static class LibraryTools
{
    /// <summary>Analyses every audio file under the folders and prints the reference statistics initialiser.</summary>
    public static int Calibrate(string[] folders)
    {
        var decoder = new AudioDecoder(AudioFormats.All());
        var files = folders.SelectMany(f => Directory.EnumerateFiles(f, "*", SearchOption.AllDirectories))
            .Where(f => decoder.Formats.Any(x => x.Extensions.Contains(Path.GetExtension(f).ToLowerInvariant()))).Order(StringComparer.Ordinal).ToList();
        var features = new ConcurrentDictionary<string, TrackFeatures>();
        var clock = Stopwatch.StartNew();
        Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, () => new TrackAnalyzer(), (file, _, analyzer) =>
        {
            try
            {
                features[file] = analyzer.AnalyzeFile(decoder, file);
            }
            catch (AudioDecodeException e)
            {
                Console.Error.WriteLine(e.Message);
            }
            return analyzer;
        }, _ => { });
        var seconds = clock.Elapsed.TotalSeconds;
        var audio = features.Values.Sum(f => f.DurationSeconds);
        var ordered = features.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value).ToList();
        var reference = ReferenceCalibration.Fit(ordered);
        var model = new ValenceArousalModel(reference);
        foreach (var (file, f) in features.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var p = model.Estimate(f);
            Console.WriteLine(FormattableString.Invariant($"{Path.GetFileName(file),-28} {f.DurationSeconds,6:0}s {f.TempoBpm,6:0.0}bpm {f.LoudnessLufs,6:0.0}LUFS key {f.Key,2}{(f.Major ? "maj" : "min")} v {p.Valence,5:0.00} a {p.Arousal,5:0.00}"));
        }
        Console.WriteLine(FormattableString.Invariant($"{ordered.Count} tracks, {audio:0} s of audio in {seconds:0.0} s: {audio / seconds:0}x real time on {Environment.ProcessorCount} cores"));
        Console.WriteLine(reference.ToCSharp());
        return 0;
    }

    /// <summary>Times decoding alone against decoding + analysis for one file (where the time goes).</summary>
    public static int Profile(string file)
    {
        var decoder = new AudioDecoder(AudioFormats.All());
        var analyzer = new TrackAnalyzer();
        var buffer = new float[4096];
        var clock = Stopwatch.StartNew();
        var samples = new List<float>();
        using (var reader = decoder.Open(file, 22_050))
        {
            int n;
            while ((n = reader.Read(buffer)) > 0) samples.AddRange(buffer.AsSpan(0, n));
        }
        var decode = clock.Elapsed.TotalSeconds;
        clock.Restart();
        using (var native = decoder.Open(file, decoder.FormatOf(file).Open(file) is var probe && probe.SampleRate > 0 ? probe.SampleRate : 22_050))
        {
            probe.Dispose();
            while (native.Read(buffer) > 0)
            {
            }
        }
        Console.WriteLine(FormattableString.Invariant($"decode at the native rate (no resampling): {clock.Elapsed.TotalSeconds:0.00} s"));
        var audio = samples.Count / 22_050.0;
        clock.Restart();
        analyzer.Analyze(new MemoryReader([.. samples]), file);
        var analyse = clock.Elapsed.TotalSeconds;
        var frame = new SpectralFrame(2048, 22_050);
        var frames = samples.Count / 512 - 4;
        var all = samples.ToArray();
        var before = GC.GetAllocatedBytesForCurrentThread();
        clock.Restart();
        for (var i = 0; i < frames; i++) frame.Process(all.AsSpan(i * 512, 2048));
        var spectral = clock.Elapsed.TotalSeconds;
        Console.WriteLine(FormattableString.Invariant($"spectral frames only: {spectral:0.00} s ({audio / spectral:0}x), {(GC.GetAllocatedBytesForCurrentThread() - before) / frames} B/frame"));
        Console.WriteLine(FormattableString.Invariant($"{audio:0} s audio: decode+resample {decode:0.00} s ({audio / decode:0}x), analysis {analyse:0.00} s ({audio / analyse:0}x)"));
        return 0;
    }

    private sealed class MemoryReader(float[] samples) : IMonoAudioReader
    {
        private int _position;

        public int SampleRate => 22_050;

        public string FormatName => "memory";

        public (int SampleRate, int Channels) Source => (22_050, 1);

        public TimeSpan? DeclaredDuration => null;

        public int Read(Span<float> buffer)
        {
            var n = Math.Min(buffer.Length, samples.Length - _position);
            samples.AsSpan(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }

        public void Dispose()
        {
        }
    }

    /// <summary>Draws the map of the library at DB to OUT (.png/.svg).</summary>
    public static int Map(string database, string output)
    {
        using var library = OrpheusLive.Library.MusicLibrary.Open(new OrpheusLive.Library.LibraryOptions { Database = database }, new AudioDecoder(AudioFormats.All()));
        library.RenderMap(output);
        return 0;
    }

    /// <summary>Prints the model's cues and point for each file (default calibration).</summary>
    public static int Cues(string[] files)
    {
        var decoder = new AudioDecoder(AudioFormats.All());
        foreach (var file in files)
        {
            var f = new TrackAnalyzer().AnalyzeFile(decoder, file);
            var p = ValenceArousalModel.Default.Estimate(f);
            var cues = string.Join(" ", AffectCue.All.Select(c => FormattableString.Invariant($"{c.Name}={c.Read(f):0.###}")));
            Console.WriteLine(FormattableString.Invariant($"{Path.GetFileName(file)}: v {p.Valence:0.00} a {p.Arousal:0.00} tempo {f.TempoBpm:0.0} | {cues}"));
        }
        return 0;
    }

    /// <summary>
    /// Scans the folders into a fresh library at DB, then scans again (all cached), and prints both summaries, the
    /// speed (audio seconds per wall second) and the rescan/first-scan time ratio.
    /// </summary>
    public static async Task<int> ScanAsync(string[] args)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine("usage: scan DB DIR…");
            return 2;
        }
        foreach (var f in new[] { "", "-wal", "-shm" }) File.Delete(args[0] + f);
        var decoder = new AudioDecoder(AudioFormats.All());
        using var library = OrpheusLive.Library.MusicLibrary.Open(new OrpheusLive.Library.LibraryOptions { Database = args[0] }, decoder);
        var before = GC.GetTotalAllocatedBytes();
        var peak = 0L;
        var first = await library.ScanAsync(args[1..], new Progress<OrpheusLive.Library.Scanning.ScanProgress>(_ => peak = Math.Max(peak, Environment.WorkingSet)));
        var allocated = GC.GetTotalAllocatedBytes() - before;
        var second = await library.ScanAsync(args[1..]);
        Console.WriteLine(FormattableString.Invariant($"first scan: {first.Analysed} analysed, {first.Cached} cached, {first.Failed} failed, {first.AudioSeconds:0} s of audio in {first.Seconds:0.0} s = {first.AudioSeconds / first.Seconds:0}x real time on {Environment.ProcessorCount} cores; k = {first.Clustering?.K}, silhouette {first.Clustering?.Silhouette:0.00}"));
        Console.WriteLine(FormattableString.Invariant($"  allocated {allocated / 1e6 / Math.Max(1, first.Analysed):0.0} MB per track (managed, total), peak working set {peak / 1e6:0} MB"));
        Console.WriteLine(FormattableString.Invariant($"rescan: {second.Analysed} analysed, {second.Cached} cached, {second.Failed} failed in {second.Seconds:0.00} s = {100 * second.Seconds / first.Seconds:0.0} % of the first scan"));
        foreach (var mood in library.Plane.Moods) Console.WriteLine($"  {mood}: {library.List(mood).Count}");
        return 0;
    }
}
