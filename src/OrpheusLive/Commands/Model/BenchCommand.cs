using System.Diagnostics;
using System.Globalization;
using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.Options;
using OrpheusLive.Audio;
using OrpheusLive.Audio.Decoding;
using OrpheusLive.Cli;
using OrpheusLive.Core.Audio;
using OrpheusLive.Storage;
using OrpheusLive.Core.Emotions;
using OrpheusLive.Core.Pipeline;
using OrpheusLive.Core.Windowing;

namespace OrpheusLive.Commands.Model;

/// <summary>
/// <c>orpheus bench</c>: times window → probabilities (the model alone) and the whole window path
/// (speech gate + model) over real audio windows after a warm-up, and prints p50/p95/max; also the capture path's echo
/// canceller per 100 ms of audio (<see cref="EchoCancellerCost"/>) and its share of the model's time per window hop.
/// </summary>
public sealed class BenchCommand(
    Lazy<IEmotionClassifier> classifier,
    Func<ISpeechDetector> speechDetector,
    IAudioDecoder decoder,
    IOptions<ListenOptions> listen,
    IOptions<AudioOptions> audio) : CliCommand("bench", "Measure per-window inference latency (p50/p95/max)")
{
    private readonly Option<int> _windows = new Option<int>("--windows")
    {
        Description = "timed windows (at least 200)",
        HelpName = "N",
        DefaultValueFactory = _ => 300,
    }.AtLeast(200, " for stable percentiles");

    private readonly Option<int> _warmup = new Option<int>("--warmup")
    {
        Description = "untimed windows first",
        HelpName = "N",
        DefaultValueFactory = _ => 30,
    }.AtLeast(0);

    private readonly Option<string> _input = new("--input") { Description = "audio to cut windows from (default: the bundled demo input)", HelpName = "FILE" };

    private readonly Option<bool> _json = new("--json") { Description = """{"p50_ms":…,"p95_ms":…,"max_ms":…, "window_path": {…}, "echo_canceller": {…}, "noise_suppressor": {…}, "model": …}""" };

    /// <inheritdoc />
    protected override IEnumerable<Option> Options => [_windows, _warmup, _input, _json];

    /// <inheritdoc />
    public override string Details => "Also times the capture path's echo canceller (SpeexDSP) and noise suppressor (Audio:NoiseSuppressionDb) per 100 ms of audio and per window hop.";

    /// <inheritdoc />
    public override async Task<int> RunAsync(ParseResult args, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        var count = args.GetValue(_windows);
        var warmup = args.GetValue(_warmup);
        var model = classifier.Value;
        var windows = LoadWindows(args.GetValue(_input), model.WindowSamples);
        var probabilities = new float[model.Labels.Count];
        var analyzer = new WindowAnalyzer(model, speechDetector(), listen.Value.MinSpeechFraction);

        for (var i = 0; i < warmup; i++)
        {
            model.Classify(windows[i % windows.Count], probabilities);
            analyzer.Analyze(windows[i % windows.Count], 0, 0, forceSpeech: true);
        }

        var modelTimes = new List<double>(count);
        var pathTimes = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var window = windows[i % windows.Count];
            var start = Stopwatch.GetTimestamp();
            model.Classify(window, probabilities);
            modelTimes.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);

            start = Stopwatch.GetTimestamp();
            analyzer.Analyze(window, 0, AudioLevel.RmsDbfs(window), forceSpeech: true);
            pathTimes.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        var m = LatencyStats.From(modelTimes);
        var p = LatencyStats.From(pathTimes);
        var echo = EchoCancellerCost.Measure(windows, count);
        var noise = NoiseSuppressorCost.Measure(windows, count, audio.Value.NoiseSuppressionDb);
        var hopBlocks = listen.Value.HopSeconds * 10; // 100 ms blocks of capture per window the model scores
        if (args.GetValue(_json))
        {
            WriteJson(model, m, p, echo, noise, hopBlocks);
            return 0;
        }

        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine($"model:   {model.Info.Path} ({model.Info.Name} {model.Info.Version}, {model.Info.Runtime})");
        Console.WriteLine(string.Create(inv, $"windows: {count} timed after {warmup} warm-up, {model.WindowSamples} samples each, {Environment.ProcessorCount} cores"));
        Console.WriteLine(string.Create(inv, $"window → probabilities:        p50 {m.P50,7:F2} ms   p95 {m.P95,7:F2} ms   max {m.Max,7:F2} ms"));
        Console.WriteLine(string.Create(inv, $"whole window path (gate+model): p50 {p.P50,7:F2} ms   p95 {p.P95,7:F2} ms   max {p.Max,7:F2} ms"));
        Console.WriteLine(echo is null
            ? "echo canceller: not measured (libspeexdsp1 is missing)"
            : StageLine("echo canceller", echo, hopBlocks, m.P50));
        Console.WriteLine(noise is null
            ? "noise suppressor: not measured (Audio:NoiseSuppressionDb is 0, or libspeexdsp1 is missing)"
            : StageLine("noise suppressor", noise, hopBlocks, m.P50));
        return 0;
    }

    private static void WriteJson(IEmotionClassifier model, LatencyStats m, LatencyStats p, LatencyStats? echo, LatencyStats? noise, double hopBlocks)
    {
        using var stdout = Console.OpenStandardOutput();
        using (var json = new Utf8JsonWriter(stdout))
        {
            json.WriteStartObject();
            json.WriteNumber("p50_ms", Math.Round(m.P50, 3));
            json.WriteNumber("p95_ms", Math.Round(m.P95, 3));
            json.WriteNumber("max_ms", Math.Round(m.Max, 3));
            json.WriteNumber("mean_ms", Math.Round(m.Mean, 3));
            json.WriteNumber("windows", m.Count);
            json.WriteStartObject("window_path");
            json.WriteNumber("p50_ms", Math.Round(p.P50, 3));
            json.WriteNumber("p95_ms", Math.Round(p.P95, 3));
            json.WriteNumber("max_ms", Math.Round(p.Max, 3));
            json.WriteEndObject();
            WriteStage(json, "echo_canceller", echo, hopBlocks, m.P50);
            WriteStage(json, "noise_suppressor", noise, hopBlocks, m.P50);
            json.WriteString("model", model.Info.Path);
            json.WriteString("runtime", model.Info.Runtime);
            json.WriteEndObject();
        }

        Console.Out.WriteLine();
    }

    /// <summary>One capture-path stage's text line: its time per 100 ms block and its share of the model's p50 per window hop.</summary>
    private static string StageLine(string stage, LatencyStats cost, double hopBlocks, double modelP50) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{stage + " per 100 ms:",-32}p50 {cost.P50,7:F2} ms   p95 {cost.P95,7:F2} ms   max {cost.Max,7:F2} ms   (per window hop {cost.P50 * hopBlocks:F2} ms = {cost.P50 * hopBlocks / modelP50:P1} of the model's p50)");

    /// <summary>One capture-path stage's JSON object (nothing when it was not measured).</summary>
    private static void WriteStage(Utf8JsonWriter json, string name, LatencyStats? cost, double hopBlocks, double modelP50)
    {
        if (cost is null) return;
        json.WriteStartObject(name);
        json.WriteNumber("p50_ms_per_100ms", Math.Round(cost.P50, 3));
        json.WriteNumber("p95_ms_per_100ms", Math.Round(cost.P95, 3));
        json.WriteNumber("p50_ms_per_hop", Math.Round(cost.P50 * hopBlocks, 3));
        json.WriteNumber("ratio_to_model_p50", Math.Round(cost.P50 * hopBlocks / modelP50, 4));
        json.WriteEndObject();
    }

    private List<float[]> LoadWindows(string? input, int windowSamples)
    {
        var path = input ?? UserPaths.ResolveAppPath("samples/demo.wav");
        var windows = new List<float[]>();
        if (File.Exists(path))
        {
            var samples = decoder.DecodeAll(path, TimeSpan.FromMinutes(10), IAudioSource.SampleRate);
            for (var start = 0; start + windowSamples <= samples.Length; start += IAudioSource.SampleRate)
            {
                windows.Add(samples.AsSpan(start, windowSamples).ToArray());
            }
        }
        else if (input is not null)
        {
            throw new CommandLineException($"input file not found: {input}");
        }

        if (windows.Count > 0)
        {
            return windows;
        }

        // No audio to hand: a deterministic noisy tone is as expensive to score as speech.
        var random = new Random(42);
        var window = new float[windowSamples];
        for (var i = 0; i < window.Length; i++)
        {
            window[i] = (float)(0.1 * Math.Sin(2 * Math.PI * 220 * i / IAudioSource.SampleRate) + 0.02 * (random.NextDouble() - 0.5));
        }

        windows.Add(window);
        return windows;
    }
}
