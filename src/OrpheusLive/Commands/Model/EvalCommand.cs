using System.Text.Json;
using Microsoft.Extensions.Options;
using OrpheusLive.Audio.Decoding;
using OrpheusLive.Cli;
using OrpheusLive.Core.Audio;
using OrpheusLive.Core.Calibration;
using OrpheusLive.Core.Emotions;
using OrpheusLive.Core.Pipeline;
using OrpheusLive.Hosting;

namespace OrpheusLive.Commands.Model;

/// <summary>
/// <c>orpheus eval --manifest FILE.csv</c>: scores every clip through the live windowing and inference path
/// (clips decoded by the app's one decoder, like <c>listen --input</c>; clips shorter than a window centred, longer ones
/// averaged over windows) and reports accuracy, UAR,
/// per-class recall and the confusion matrix. With <c>--session [--enrol N]</c> each speaker's clips are one session
/// with personal calibration running (<see cref="SessionEvaluation"/>).
/// </summary>
public sealed class EvalCommand(
    Lazy<IEmotionClassifier> classifier,
    Func<ISpeechDetector> speechDetector,
    IAudioDecoder decoder,
    IOptions<ListenOptions> listen,
    IOptions<CalibrationOptions> calibration) : ICliCommand
{
    private static readonly TimeSpan MaxClip = TimeSpan.FromMinutes(10);

    /// <inheritdoc />
    public string Name => "eval";

    /// <inheritdoc />
    public string Summary => "Measure the emotion model on a labelled manifest (accuracy, UAR, confusion)";

    /// <inheritdoc />
    public string Usage => """
        usage: orpheus eval --manifest FILE.csv [--session [--enrol N]] [--json]

          --manifest FILE  CSV with a header and at least 'path' (an audio file, relative to the manifest's folder) and 'label'
          --session        each speaker's clips (column 'speaker') are one session in manifest order, with personal
                           calibration adapting as it goes (no labels); adds per_clip (the same clips unadapted), per_speaker
          --enrol N        with --session: each speaker's first N clips enrol with their labels and are not scored
          --json           print one final JSON object: uar, accuracy, n, skipped, per_class, confusion
        Clips whose label the model lacks are skipped and counted; unreadable clips are reported and skipped.
        """;

    /// <inheritdoc />
    public IReadOnlySet<string> Flags { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "json", "session", "help" };

    /// <inheritdoc />
    public async Task<int> RunAsync(CommandArgs args, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        args.RejectUnknown("manifest", "session", "enrol", "json", "help");
        var session = args.Has("session");
        var enrol = args.Int("enrol", 0);
        if (args.Has("enrol") && (!session || enrol < 1))
        {
            throw new CommandLineException("--enrol N needs --session and N of 1 or more");
        }

        var manifestPath = args.Value("manifest") ?? throw new CommandLineException("--manifest FILE.csv is required");
        if (!File.Exists(manifestPath))
        {
            throw new CommandLineException($"manifest not found: {manifestPath}");
        }

        var clips = EvalManifest.Read(manifestPath, requireSpeaker: session);
        var model = classifier.Value;
        var analyzer = new ClipAnalyzer(new WindowAnalyzer(model, speechDetector(), listen.Value.MinSpeechFraction), listen.Value.HopSeconds);
        var sessions = session
            ? new SessionEvaluation(analyzer, model.Labels, calibration.Value, LiveCalibration.ModelIdentity(model.Info), enrol)
            : null;
        var report = sessions?.Report ?? new EvalReport(model.Labels);
        var progress = new ProgressLine(clips.Count, enabled: !Console.IsErrorRedirected);
        foreach (var clip in clips)
        {
            cancellationToken.ThrowIfCancellationRequested();
            progress.Advance();
            if (!model.Labels.Contains(clip.Label, StringComparer.OrdinalIgnoreCase))
            {
                report.SkippedLabels[clip.Label] = report.SkippedLabels.GetValueOrDefault(clip.Label) + 1;
                continue;
            }

            try
            {
                var samples = decoder.DecodeAll(clip.Path, MaxClip, IAudioSource.SampleRate);
                if (sessions is null)
                {
                    report.Add(clip.Label, analyzer.Analyze(samples).Emotion);
                }
                else
                {
                    sessions.Add(clip, samples);
                }
            }
            catch (AudioDecodeException e)
            {
                report.Errors.Add(e.Message);
            }
        }

        progress.Done();
        foreach (var error in report.Errors.Take(10))
        {
            await Console.Error.WriteLineAsync($"skipped: {error}");
        }

        if (args.Has("json"))
        {
            await using var stdout = Console.OpenStandardOutput();
            await using var json = new Utf8JsonWriter(stdout);
            report.WriteJson(json, sessions is null ? null : sessions.WriteJson);
            await json.FlushAsync(cancellationToken);
            Console.Out.WriteLine();
            return 0;
        }

        Console.WriteLine($"model: {model.Info.Name} {model.Info.Version} ({model.Info.Path})");
        Console.Write(report.ToText());
        Console.Write(sessions?.ToText());
        return 0;
    }
}
