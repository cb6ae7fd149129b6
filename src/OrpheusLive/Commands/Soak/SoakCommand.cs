using System.CommandLine;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrpheusLive.Audio.Decoding;
using OrpheusLive.Cli;
using OrpheusLive.Core.Audio;
using OrpheusLive.Storage;
using OrpheusLive.Core.Debouncing;
using OrpheusLive.Core.Emotions;
using OrpheusLive.Core.Moods;
using OrpheusLive.Core.Pipeline;
using OrpheusLive.Players;

namespace OrpheusLive.Commands.Soak;

/// <summary>
/// <c>orpheus soak</c>: feeds an hour (by default) of looped real speech, silence and noise through the whole pipeline
/// as fast as it runs, and reports memory, handles and threads at the start and end, dropped windows and unobserved
/// exceptions — the long-running-session check, reproducible on any machine.
/// </summary>
public sealed class SoakCommand(
    Lazy<IEmotionClassifier> classifier,
    Func<ISpeechDetector> speechDetector,
    IAudioDecoder decoder,
    IMoodMapStore moods,
    IOptions<ListenOptions> listen,
    IOptions<DebounceOptions> debounce,
    ILoggerFactory loggers) : CliCommand("soak", "Run hours of looped audio through the pipeline and report resource growth")
{
    private readonly Option<int> _minutes = new Option<int>("--minutes")
    {
        Description = "audio to feed; runs as fast as the machine allows",
        HelpName = "N",
        DefaultValueFactory = _ => 60,
    }.AtLeast(1);

    private readonly Option<string> _input = new("--input")
    {
        Description = "speech to loop (default: the bundled demo input); 10 s of silence and 10 s of noise follow each loop",
        HelpName = "FILE",
    };

    private readonly Option<bool> _json = new("--json")
    {
        Description = """{"audio_minutes", "windows", "expected_windows", "dropped_windows", "decisions", "managed_start_mb", …}""",
    };

    /// <inheritdoc />
    protected override IEnumerable<Option> Options => [_minutes, _input, _json];

    /// <inheritdoc />
    public override async Task<int> RunAsync(ParseResult args, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        var minutes = args.GetValue(_minutes);
        var pattern = BuildPattern(args.GetValue(_input) ?? UserPaths.ResolveAppPath("samples/demo.wav"));
        var total = (long)minutes * 60 * IAudioSource.SampleRate;
        var model = classifier.Value;
        var hop = (int)Math.Round(listen.Value.HopSeconds * IAudioSource.SampleRate);
        var expected = total < model.WindowSamples ? 1 : ((total - model.WindowSamples) / hop) + 1;

        var unobserved = 0;
        void OnUnobserved(object? sender, UnobservedTaskExceptionEventArgs e) => Interlocked.Increment(ref unobserved);
        TaskScheduler.UnobservedTaskException += OnUnobserved;
        try
        {
            // Warm up first (model, JIT, buffers), so start-up allocations do not count as growth.
            await RunSessionAsync(pattern, Math.Min(total, 30L * IAudioSource.SampleRate), cancellationToken);
            var start = ResourceSample.Take();
            var wall = Stopwatch.StartNew();
            var (windows, decisions, errors) = await RunSessionAsync(pattern, total, cancellationToken);
            wall.Stop();
            var end = ResourceSample.Take();

            var report = new SoakReport(minutes, windows, expected, decisions, errors, unobserved, wall.Elapsed.TotalSeconds, start, end);
            if (args.GetValue(_json))
            {
                report.WriteJson(Console.OpenStandardOutput());
                Console.Out.WriteLine();
            }
            else
            {
                Console.Write(report.ToText());
            }

            return report.DroppedWindows == 0 && errors == 0 && unobserved == 0 ? 0 : 1;
        }
        finally
        {
            TaskScheduler.UnobservedTaskException -= OnUnobserved;
        }
    }

    private async Task<(long Windows, int Decisions, int Errors)> RunSessionAsync(float[] pattern, long total, CancellationToken cancellationToken)
    {
        await using var player = new ConsolePlayer(loggers.CreateLogger<ConsolePlayer>());
        var analyzer = new WindowAnalyzer(classifier.Value, speechDetector(), listen.Value.MinSpeechFraction);
        using var pipeline = new LivePipeline(moods, listen.Value, debounce.Value, loggers.CreateLogger<LivePipeline>());
        var decisions = 0;
        var errors = 0;
        using var subscription = pipeline.Events.Subscribe(e =>
        {
            switch (e)
            {
                case DecisionEvent:
                    decisions++;
                    break;
                case StatusEvent { Severity: StatusSeverity.Error }:
                    errors++;
                    break;
            }
        });
        await pipeline.RunAsync(new LoopingAudioSource(pattern, total), analyzer, player, cancellationToken);
        return (pipeline.WindowCount, decisions, errors);
    }

    /// <summary>The loop: the speech, then 10 s of silence, then 10 s of quiet white noise (about −30 dBFS).</summary>
    private float[] BuildPattern(string speechFile)
    {
        if (!File.Exists(speechFile))
        {
            throw new CommandLineException($"input file not found: {speechFile}");
        }

        var speech = decoder.DecodeAll(speechFile, TimeSpan.FromMinutes(10), IAudioSource.SampleRate);
        var gap = 10 * IAudioSource.SampleRate;
        var pattern = new float[speech.Length + (2 * gap)];
        speech.CopyTo(pattern, 0);
        var random = new Random(7);
        for (var i = speech.Length + gap; i < pattern.Length; i++)
        {
            pattern[i] = (float)((random.NextDouble() - 0.5) * 0.11);
        }

        return pattern;
    }
}
