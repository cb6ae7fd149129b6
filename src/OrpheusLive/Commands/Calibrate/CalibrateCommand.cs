using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using OrpheusLive.Audio.Decoding;
using OrpheusLive.Cli;
using OrpheusLive.Core.Audio;
using OrpheusLive.Core.Calibration;
using OrpheusLive.Storage;

namespace OrpheusLive.Commands.Calibrate;

/// <summary>
/// <c>orpheus calibrate</c>: enrolment. The listener reads about a minute of short lines, each in a given emotion
/// (<see cref="EnrolmentPrompt.For"/>; or WAV files named by emotion with <c>--input-dir</c>); the clips go through the
/// live clip path and <see cref="ISpeakerAdaptation.Enrol"/> (one <see cref="EnrolmentSession"/>, as the dashboard's
/// calibration screen runs it), the before/after confidence in each asked emotion is shown and the profile is saved (it
/// continues from what the profile already knew).
/// </summary>
public sealed class CalibrateCommand(
    EnrolmentSetup enrolment,
    IAudioDecoder decoder,
    IAudioSourceFactory audio) : CliCommand("calibrate", "Teach OrpheusLive your voice: read ~10 short lines in given emotions (about a minute)")
{
    private static readonly TimeSpan MaxClip = TimeSpan.FromMinutes(1);

    private readonly Option<string> _profile = ListenArguments.CreateProfile();

    private readonly Option<string> _inputDir = new("--input-dir")
    {
        Description = "use the audio files in DIR instead of the microphone; each name starts with the emotion it was spoken in, one of the model's labels (happy-1.wav, sad_2.wav, neutral.wav …)",
        HelpName = "DIR",
    };

    private readonly Option<int> _seconds = CreateSeconds();

    private readonly Option<string> _device = new("--device") { Description = "microphone (PulseAudio source name; default: the system default)", HelpName = "NAME" };

    private readonly Option<bool> _json = new("--json")
    {
        Description = "print one JSON object: profile, path, applied, emotions, clips (label, before, after), mean_before, mean_after",
    };

    /// <inheritdoc />
    public override string Details => "Per-emotion corrections need lines in at least 3 emotions (Calibration:MinEnrolmentEmotions); listen/run --profile NAME use the profile.";

    /// <inheritdoc />
    protected override IEnumerable<Option> Options => [_profile, _inputDir, _seconds, _device, _json];

    /// <inheritdoc />
    public override async Task<int> RunAsync(ParseResult args, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        var profile = args.GetValue(_profile) ?? FileSpeakerProfileStore.DefaultProfile;
        var inputDir = args.GetValue(_inputDir);
        if (inputDir is not null && !Directory.Exists(inputDir))
        {
            throw new CommandLineException($"input directory not found: {inputDir}");
        }

        var seconds = args.GetValue(_seconds);
        var json = args.GetValue(_json);
        var session = enrolment.FromFile(profile, out var warning);
        if (warning is not null)
        {
            await Console.Error.WriteLineAsync($"warning: {warning}");
        }

        if (inputDir is not null)
        {
            foreach (var (name, label, samples) in FromFiles(inputDir, session.Step.Adaptation.Labels))
            {
                session.Add(name, label, enrolment.AsHeard(samples));
            }
        }
        else
        {
            await FromMicrophoneAsync(session, seconds, args.GetValue(_device), quiet: json, cancellationToken);
        }

        var result = session.Enrol();
        var profiles = enrolment.Profiles;
        var saved = await profiles.SaveAsync(profile, session.Learnt, cancellationToken);
        var path = profiles.PathOf(profile);
        if (json)
        {
            WriteJson(profile, path, saved, result, session.Names);
        }
        else
        {
            WriteText(profile, path, saved, result, session.Names, enrolment.Options);
        }

        return saved ? 0 : 1;
    }

    private static Option<int> CreateSeconds()
    {
        var option = new Option<int>("--seconds") { Description = "microphone: seconds recorded per line (2–30)", HelpName = "N", DefaultValueFactory = _ => 6 };
        option.Validators.Add(result =>
        {
            if (result.Tokens is [{ } token] && int.TryParse(token.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value is < 2 or > 30)
            {
                result.AddError($"--seconds must be between 2 and 30 (got {value})");
            }
        });
        return option;
    }

    /// <summary>The clips of <paramref name="directory"/>, by name; each name starts with the label it was spoken in.</summary>
    /// <exception cref="InvalidDataException">A file's name does not start with a label, or there are no files.</exception>
    private List<(string Name, string Label, float[] Samples)> FromFiles(string directory, IReadOnlyList<string> labels)
    {
        var files = Directory.GetFiles(directory).Where(f => !Path.GetFileName(f).StartsWith('.')).Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            throw new InvalidDataException($"{directory}: no audio files (name them by emotion: {string.Join(", ", labels.Select(l => l + "-1.wav"))})");
        }

        var clips = new List<(string, string, float[])>();
        foreach (var file in files)
        {
            var name = Path.GetFileNameWithoutExtension(file);
            var label = labels.FirstOrDefault(l => name.StartsWith(l, StringComparison.OrdinalIgnoreCase)
                && (name.Length == l.Length || !char.IsLetter(name[l.Length])))
                ?? throw new InvalidDataException($"{file}: the name must start with the emotion it was spoken in, one of: {string.Join(", ", labels)}");
            clips.Add((Path.GetFileName(file), label, decoder.DecodeAll(file, MaxClip, IAudioSource.SampleRate)));
        }

        return clips;
    }

    /// <summary>Prompts each line and records it from the microphone into <paramref name="session"/>.</summary>
    private async Task FromMicrophoneAsync(EnrolmentSession session, int seconds, string? device, bool quiet, CancellationToken cancellationToken)
    {
        var prompts = session.Prompts;
        var output = quiet ? Console.Error : Console.Out;
        var recorder = new EnrolmentRecorder(audio, device);
        await output.WriteLineAsync($"Read each line aloud in the voice asked for ({prompts.Count} lines, {seconds} s each). Ctrl+C stops.");
        for (var i = 0; i < prompts.Count; i++)
        {
            var prompt = prompts[i];
            await output.WriteLineAsync($"{i + 1,2}/{prompts.Count}  say this {prompt.Manner}: \"{prompt.Line}\"");
            var samples = await recorder.RecordAsync(seconds, null, cancellationToken);
            session.Add($"line {i + 1}", prompt.Label, enrolment.AsHeard(samples));
        }
    }

    private static void WriteText(string profile, string path, bool saved, EnrolmentResult result,
        IReadOnlyList<string> names, CalibrationOptions options)
    {
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine("confidence in the asked emotion (before → after):");
        for (var i = 0; i < result.Clips.Count; i++)
        {
            var clip = result.Clips[i];
            Console.WriteLine(string.Create(inv, $"  {names[i],-28} {clip.Label,-10} {clip.Before,6:P0} → {clip.After,6:P0}"));
        }

        Console.WriteLine(string.Create(inv, $"mean: {result.Clips.Average(c => c.Before):P0} → {result.Clips.Average(c => c.After):P0}"));
        Console.WriteLine(result.Summary);
        Console.WriteLine(saved ? $"Saved profile '{profile}' ({path})." : $"Profile '{profile}' was NOT saved: {path} could not be read, so it is not overwritten.");
        if (options.Mode == CalibrationMode.Off)
        {
            Console.WriteLine("Note: Calibration:Mode is off, so listening does not use the profile until it is set to auto.");
        }
    }

    private static void WriteJson(string profile, string path, bool saved, EnrolmentResult result, IReadOnlyList<string> names)
    {
        using var stdout = Console.OpenStandardOutput();
        using (var json = new Utf8JsonWriter(stdout))
        {
            json.WriteStartObject();
            json.WriteString("profile", profile);
            json.WriteString("path", path);
            json.WriteBoolean("saved", saved);
            json.WriteBoolean("applied", result.Applied);
            json.WriteNumber("emotions", result.Emotions);
            json.WriteStartArray("clips");
            for (var i = 0; i < result.Clips.Count; i++)
            {
                json.WriteStartObject();
                json.WriteString("name", names[i]);
                json.WriteString("label", result.Clips[i].Label);
                json.WriteNumber("before", Math.Round(result.Clips[i].Before, 4));
                json.WriteNumber("after", Math.Round(result.Clips[i].After, 4));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteNumber("mean_before", Math.Round(result.Clips.Average(c => c.Before), 4));
            json.WriteNumber("mean_after", Math.Round(result.Clips.Average(c => c.After), 4));
            json.WriteEndObject();
        }

        Console.Out.WriteLine();
    }
}
