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
    /// <inheritdoc />
    public string Name => "eval";

    /// <inheritdoc />
    public string Summary => "Measure the emotion model on a labelled manifest (accuracy, UAR, confusion)";

    /// <inheritdoc />
    public string Usage => """
        usage: orpheus eval --manifest FILE.csv [--background FILE --sir DB [--with-reference]] [--no-reference] [--json]

          --manifest FILE    CSV with a header and at least 'path' (an audio file, relative to the manifest's folder) and
                             'label'; an optional 'reference' column names a WAV of what the app was playing during the
                             clip (same rate and channels, at least as long): the clip is then echo-cancelled against it
                             by the live path's canceller (docs/echo-cancellation.md)
          --no-reference     ignore the 'reference' column (the microphone as it was)
          --background FILE  put this music under every clip as the app's own playback through a loudspeaker and a room
                             would reach the microphone (20 s of it alone before each clip; the room path is documented
                             in docs/echo-cancellation.md)
          --sir DB           how far below the clip's speech the music is at the microphone, -20..40 (0: as loud)
          --with-reference   with --background: cancel the music with it as the reference, as the live path does
          --json             print one final JSON object: uar, accuracy, n, skipped, per_class, confusion
        Clips whose label the model lacks are skipped and counted; unreadable clips are reported and skipped; a missing,
        short or mismatched reference stops the run with one line naming it.
        """;

    /// <inheritdoc />
    public IReadOnlySet<string> Flags { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "json", "help", "with-reference", "no-reference" };

    /// <inheritdoc />
    public async Task<int> RunAsync(CommandArgs args, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        args.RejectUnknown("manifest", "json", "help", "background", "sir", "with-reference", "no-reference");
        var manifestPath = args.Value("manifest") ?? throw new CommandLineException("--manifest FILE.csv is required");
        if (!File.Exists(manifestPath))
        {
            throw new CommandLineException($"manifest not found: {manifestPath}");
        }

        var clips = EvalManifest.Read(manifestPath);
        var audio = CreateAudio(args);
        audio.CheckBeforeRun(clips);
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
                var samples = audio.Prepare(clip);
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

    // Option reading only; what the options do is in EvalAudio, BackgroundMixer and EvalEchoPath.
    private EvalAudio CreateAudio(CommandArgs args)
    {
        var backgroundPath = args.Value("background");
        var sirText = args.Value("sir");
        var withReference = args.Has("with-reference");
        if (backgroundPath is null && sirText is not null) throw new CommandLineException("--sir needs --background FILE");
        if (backgroundPath is null && withReference && args.Has("no-reference"))
            throw new CommandLineException("--with-reference and --no-reference contradict each other");
        BackgroundMixer? background = null;
        if (backgroundPath is not null)
        {
            if (!double.TryParse(sirText, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var sir)
                || sir is < -20 or > 40)
            {
                throw new CommandLineException($"--background needs --sir DB, a number from -20 to 40 (got {sirText ?? "nothing"})");
            }

            if (!File.Exists(backgroundPath)) throw new CommandLineException($"background not found: {backgroundPath}");
            background = new BackgroundMixer(decoder.DecodeAll(backgroundPath, TimeSpan.FromHours(2), IAudioSource.SampleRate), sir, backgroundPath);
        }

        return new EvalAudio(decoder, new EvalEchoPath(), background, withReference, useManifestReferences: !args.Has("no-reference"));
    }
}
