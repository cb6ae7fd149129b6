using System.Text.Json;
using Microsoft.Extensions.Options;
using OrpheusLive.Audio.Decoding;
using OrpheusLive.Cli;
using OrpheusLive.Core.Audio;
using OrpheusLive.Core.Emotions;
using OrpheusLive.Core.Pipeline;

namespace OrpheusLive.Commands.Model;

/// <summary>
/// <c>orpheus eval --manifest FILE.csv</c>: scores every clip through the live windowing and inference path
/// (clips decoded by the app's one decoder, like <c>listen --input</c>; clips shorter than a window centred, longer ones
/// averaged over windows) and reports accuracy, UAR,
/// per-class recall and the confusion matrix.
/// </summary>
public sealed class EvalCommand(
    Lazy<IEmotionClassifier> classifier,
    Func<ISpeechDetector> speechDetector,
    IAudioDecoder decoder,
    IOptions<ListenOptions> listen) : ICliCommand
{
    private static readonly TimeSpan MaxClip = TimeSpan.FromMinutes(10);

    /// <inheritdoc />
    public string Name => "eval";

    /// <inheritdoc />
    public string Summary => "Measure the emotion model on a labelled manifest (accuracy, UAR, confusion)";

    /// <inheritdoc />
    public string Usage => """
        usage: orpheus eval --manifest FILE.csv [--json]

          --manifest FILE  CSV with a header and at least 'path' (an audio file, relative to the manifest's folder) and 'label'
          --json           print one final JSON object: uar, accuracy, n, skipped, per_class, confusion
        Clips whose label the model lacks are skipped and counted; unreadable clips are reported and skipped.
        """;

    /// <inheritdoc />
    public IReadOnlySet<string> Flags { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "json", "help" };

    /// <inheritdoc />
    public async Task<int> RunAsync(CommandArgs args, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        args.RejectUnknown("manifest", "json", "help");
        var manifestPath = args.Value("manifest") ?? throw new CommandLineException("--manifest FILE.csv is required");
        if (!File.Exists(manifestPath))
        {
            throw new CommandLineException($"manifest not found: {manifestPath}");
        }

        var clips = EvalManifest.Read(manifestPath);
        var model = classifier.Value;
        var analyzer = new ClipAnalyzer(new WindowAnalyzer(model, speechDetector(), listen.Value.MinSpeechFraction), listen.Value.HopSeconds);
        var report = new EvalReport(model.Labels);
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
                report.Add(clip.Label, analyzer.Analyze(samples).Emotion);
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
            report.WriteJson(json);
            await json.FlushAsync(cancellationToken);
            Console.Out.WriteLine();
            return 0;
        }

        Console.WriteLine($"model: {model.Info.Name} {model.Info.Version} ({model.Info.Path})");
        Console.Write(report.ToText());
        return 0;
    }
}
