using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.Options;
using OrpheusLive.Audio;
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
    IOptions<CalibrationOptions> calibration,
    IOptions<AudioOptions> audio) : CliCommand("eval", "Measure the emotion model on a labelled manifest (accuracy, UAR, confusion)")
{
    private readonly Option<string> _manifest = new("--manifest")
    {
        Description = "CSV with a header and at least 'path' (an audio file, relative to the manifest's folder) and 'label'",
        HelpName = "FILE.csv",
        Required = true,
    };

    private readonly Option<bool> _session = new("--session")
    {
        Description = "each speaker's clips (column 'speaker') are one session in manifest order, with personal calibration adapting as it goes (no labels); adds per_clip (the same clips unadapted) and per_speaker",
    };

    private readonly Option<int> _enrol = new Option<int>("--enrol")
    {
        Description = "with --session: each speaker's first N clips enrol with their labels and are not scored",
        HelpName = "N",
    }.AtLeast(1);

    private readonly Option<bool> _noReference = new("--no-reference") { Description = "ignore the manifest's 'reference' column (the microphone as it was)" };

    private readonly Option<string> _background = new("--background")
    {
        Description = "put this music under every clip as the app's own playback through a loudspeaker and a room would reach the microphone (20 s of it alone before each clip; the room path is in docs/echo-cancellation.md)",
        HelpName = "FILE",
    };

    private readonly Option<double?> _sir = CreateSir();

    private readonly Option<bool> _withReference = new("--with-reference") { Description = "with --background: cancel the music with it as the reference, as the live path does" };

    private readonly Option<bool> _json = new("--json") { Description = "print one final JSON object: uar, accuracy, n, skipped, per_class, confusion" };

    /// <inheritdoc />
    public override string Details =>
        "Clips whose label the model lacks are skipped and counted; unreadable clips are reported and skipped (exit 1 when none could be read).";

    /// <inheritdoc />
    protected override IEnumerable<Option> Options => [_manifest, _session, _enrol, _noReference, _background, _sir, _withReference, _json];

    /// <inheritdoc />
    public override async Task<int> RunAsync(ParseResult args, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        var manifestPath = args.GetRequiredValue(_manifest);
        var session = args.GetValue(_session);
        var enrol = args.GetValue(_enrol);
        if (args.GetResult(_enrol) is { Implicit: false } && !session)
        {
            throw new CommandLineException("--enrol N needs --session");
        }
        if (!File.Exists(manifestPath))
        {
            throw new CommandLineException($"manifest not found: {manifestPath}");
        }

        var clips = EvalManifest.Read(manifestPath, requireSpeaker: session);
        var audio = CreateAudio(args);
        audio.CheckBeforeRun(clips);
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
                var samples = audio.Prepare(clip);
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
        if (report.Errors.Count > 0 && report.Errors.Count == clips.Count - report.SkippedLabels.Values.Sum())
        {
            throw new InvalidDataException(
                $"none of the {report.Errors.Count} clips in {manifestPath} could be read (first: {report.Errors[0]})");
        }

        foreach (var error in report.Errors.Take(10))
        {
            await Console.Error.WriteLineAsync($"skipped: {error}");
        }

        if (args.GetValue(_json))
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

    // Option reading only; what the options do is in EvalAudio, BackgroundMixer and EvalEchoPath.
    private EvalAudio CreateAudio(ParseResult args)
    {
        var backgroundPath = args.GetValue(_background);
        var sir = args.GetValue(_sir);
        var withReference = args.GetValue(_withReference);
        var noReference = args.GetValue(_noReference);
        if (backgroundPath is null && sir is not null) throw new CommandLineException("--sir needs --background FILE");
        if (backgroundPath is null && withReference && noReference)
            throw new CommandLineException("--with-reference and --no-reference contradict each other");
        BackgroundMixer? background = null;
        if (backgroundPath is not null)
        {
            if (sir is not { } level) throw new CommandLineException("--background needs --sir DB, a number from -20 to 40");
            if (!File.Exists(backgroundPath)) throw new CommandLineException($"background not found: {backgroundPath}");
            background = new BackgroundMixer(decoder.DecodeAll(backgroundPath, TimeSpan.FromHours(2), IAudioSource.SampleRate), level, backgroundPath);
        }

        return new EvalAudio(decoder, new EvalEchoPath(), background, withReference, useManifestReferences: !noReference, audio.Value.NoiseSuppressionDb);
    }

    private static Option<double?> CreateSir()
    {
        var option = new Option<double?>("--sir")
        {
            Description = "with --background: how far below the clip's speech the music is at the microphone, -20..40 dB (0: as loud)",
            HelpName = "DB",
        };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double?>() is { } value && value is < -20 or > 40)
            {
                result.AddError($"--sir must be from -20 to 40 dB (got {value.ToString(System.Globalization.CultureInfo.InvariantCulture)})");
            }
        });
        return option;
    }
}
