using System.Globalization;
using OrpheusLive.Audio;
using OrpheusLive.Audio.Decoding;
using OrpheusLive.Audio.Decoding.Formats;
using OrpheusLive.Audio.Denoise;
using OrpheusLive.Core.Audio;
using OrpheusLive.Core.Pipeline;
using OrpheusLive.Core.Windowing;
using OrpheusLive.Onnx;

namespace OrpheusLive.Benchmarks;

/// <summary>
/// Research harness for personal calibration (issue 13): writes the shipped model's per-window probabilities for every
/// clip of a manifest through the app's own path (WAV reader, <see cref="WindowAnalyzer"/> with the Silero gate, the
/// window cutting of <see cref="ClipAnalyzer"/>), so <c>training/calibration.py</c> can replay adaptation methods on them.
/// </summary>
/// <remarks>
/// <para><c>clips</c> mode: each clip on its own, cut exactly as <see cref="ClipAnalyzer"/> cuts it (one centred,
/// zero-padded window for a short clip; windows every hop plus one ending at the clip's end for a long one).</para>
/// <para><c>stream</c> mode: each speaker's clips in manifest order joined into one continuous recording (with
/// <c>--gap</c> seconds of silence between clips) and windowed every hop as live listening does; each window names the
/// clip it overlaps most and that overlap's share of the window.</para>
/// <para>Both modes hear the input path's noise suppressor first, as <c>eval</c> and live listening do
/// (<c>--noise-suppression DB</c>, default <c>Audio:NoiseSuppressionDb</c>'s; 0 for none): a clip through
/// <see cref="NoiseSuppressor.SuppressClip"/>, a stream through one suppressor from its first sample.</para>
/// Run: <c>dotnet run -c Release --project tests/OrpheusLive.Benchmarks -- dump-windows --manifest M.csv --out W.csv
/// [--mode clips|stream] [--model P.onnx] [--hop 1] [--gap 0.25] [--noise-suppression 15]</c>.
/// </remarks>
internal static class WindowDump
{
    public static async Task<int> RunAsync(string[] args)
    {
        string? Arg(string name, string? fallback = null)
        {
            var i = Array.IndexOf(args, "--" + name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }

        var manifest = Arg("manifest") ?? throw new ArgumentException("--manifest M.csv is required");
        var output = Arg("out") ?? throw new ArgumentException("--out W.csv is required");
        var mode = Arg("mode", "clips")!;
        var hopSeconds = double.Parse(Arg("hop", "1")!, CultureInfo.InvariantCulture);
        var gapSeconds = double.Parse(Arg("gap", "0.25")!, CultureInfo.InvariantCulture);
        var suppressionDb = int.Parse(Arg("noise-suppression", new AudioOptions().NoiseSuppressionDb.ToString(CultureInfo.InvariantCulture))!, CultureInfo.InvariantCulture);
        var options = new OnnxOptions
        {
            Path = Arg("model", Path.Combine(AppContext.BaseDirectory, "models", "orpheus-ser.onnx"))!,
            VadPath = Path.Combine(AppContext.BaseDirectory, "models", "silero_vad_v5.onnx"),
        };

        using var model = new OnnxEmotionClassifier(options);
        using var vad = new SileroSpeechDetector(options);
        var analyzer = new WindowAnalyzer(model, vad, new ListenOptions().MinSpeechFraction);
        var clips = ReadManifest(manifest);
        var hop = (int)Math.Round(hopSeconds * IAudioSource.SampleRate);
        var size = model.WindowSamples;

        await using var writer = new StreamWriter(output);
        await writer.WriteLineAsync(
            $"# model={model.Info.Name} version={model.Info.Version} mode={mode} hop={hopSeconds} gap={gapSeconds} noise_suppression_db={suppressionDb} manifest={Path.GetFullPath(manifest)}");
        await writer.WriteLineAsync("clip,window,start_sample,overlap,speech_fraction,level_dbfs," + string.Join(",", model.Labels.Select(l => "p_" + l)));

        var decoder = new AudioDecoder([new WavAudioFormat()]);
        float[] Decode(Clip clip) => decoder.DecodeAll(clip.Path, TimeSpan.FromMinutes(10));

        async Task Write(int clip, int window, long start, double overlap, float[] samples)
        {
            var e = analyzer.Analyze(samples, 0, AudioLevel.RmsDbfs(samples), forceSpeech: true);
            var line = string.Join(",", e.Scores.Select(s => s.Value.ToString("R", CultureInfo.InvariantCulture)));
            await writer.WriteLineAsync(FormattableString.Invariant(
                $"{clip},{window},{start},{overlap:F3},{e.SpeechFraction:F3},{e.LevelDbfs:F2},{line}"));
        }

        var buffer = new float[size];
        if (mode == "clips")
        {
            for (var c = 0; c < clips.Count; c++)
            {
                var samples = NoiseSuppressor.SuppressClip(Decode(clips[c]), suppressionDb);
                if (samples.Length <= size)
                {
                    Array.Clear(buffer);
                    samples.CopyTo(buffer, (size - samples.Length) / 2);
                    await Write(c, 0, 0, 1, buffer);
                    continue;
                }

                var lastStart = samples.Length - size;
                for (int start = 0, w = 0; ; start += hop, w++)
                {
                    var s = Math.Min(start, lastStart);
                    samples.AsSpan(s, size).CopyTo(buffer);
                    await Write(c, w, s, 1, buffer);
                    if (s == lastStart)
                    {
                        break;
                    }
                }
            }

            return 0;
        }

        var gap = (int)Math.Round(gapSeconds * IAudioSource.SampleRate);
        foreach (var speaker in clips.Select((clip, i) => (clip, i)).GroupBy(x => x.clip.Speaker))
        {
            var stream = new List<float>();
            var spans = new List<(int Clip, long Start, long End)>();
            foreach (var (clip, i) in speaker)
            {
                var samples = Decode(clip);
                spans.Add((i, stream.Count, stream.Count + samples.Length));
                stream.AddRange(samples);
                stream.AddRange(new float[gap]);
            }

            var all = NoiseSuppressor.Suppress(stream.ToArray(), suppressionDb);
            for (int end = size, w = 0; end <= all.Length; end += hop, w++)
            {
                long start = end - size;
                var best = spans.MaxBy(s => Math.Max(0, Math.Min(s.End, end) - Math.Max(s.Start, start)));
                var overlap = Math.Max(0, Math.Min(best.End, end) - Math.Max(best.Start, start)) / (double)size;
                all.AsSpan((int)start, size).CopyTo(buffer);
                await Write(best.Clip, w, start, overlap, buffer);
            }
        }

        return 0;
    }

    private sealed record Clip(string Path, string Speaker);

    private static List<Clip> ReadManifest(string manifest)
    {
        var lines = File.ReadAllLines(manifest);
        var header = lines[0].Split(',').Select(h => h.Trim().ToLowerInvariant()).ToList();
        int path = header.IndexOf("path"), speaker = header.IndexOf("speaker");
        if (path < 0 || speaker < 0)
        {
            throw new InvalidDataException($"{manifest}: needs 'path' and 'speaker' columns");
        }

        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(manifest))!;
        return [.. lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Split(','))
            .Select(f => new Clip(System.IO.Path.Combine(folder, f[path]), f[speaker]))];
    }
}
