using System.Globalization;
using System.Text;
using System.Text.Json;
using OrpheusLive.Core.Calibration;
using OrpheusLive.Core.Pipeline;

namespace OrpheusLive.Commands.Model;

/// <summary>
/// <c>eval --session [--enrol N]</c>: each speaker's clips (manifest column <c>speaker</c>) are one continuous session in
/// manifest order, with personal calibration running as it does live (voice-change check, then adaptation; no labels)
/// and causal: each window is scored with what was learnt before it, then learnt from. A clip counts as one window of
/// speech (each of its speech windows weighs 1 / their number) and is predicted as the mean of its calibrated windows
/// (speech windows; all windows when none holds speech), like per-clip scoring. With <c>--enrol N</c> the speaker's first
/// N clips are first given to the adaptation with their labels (<see cref="ISpeakerAdaptation.Enrol"/>) and not scored.
/// Alongside the calibrated <see cref="Report"/> it keeps the per-clip scores of the same clips (<see cref="PerClip"/>)
/// and both per speaker.
/// </summary>
public sealed class SessionEvaluation
{
    private readonly ClipAnalyzer _analyzer;
    private readonly IReadOnlyList<string> _labels;
    private readonly CalibrationOptions _options;
    private readonly string _model;
    private readonly Dictionary<string, Speaker> _speakers = new(StringComparer.Ordinal);

    /// <summary>Creates the evaluation.</summary>
    /// <param name="analyzer">The clip path (speech gate + model), as per-clip eval uses it.</param>
    /// <param name="labels">The model's labels.</param>
    /// <param name="options">Calibration settings (the app's <c>Calibration</c> section).</param>
    /// <param name="model">The model's identity (for the profiles the sessions build).</param>
    /// <param name="enrol">Labelled clips per speaker before scoring (0 = none).</param>
    /// <exception cref="ArgumentException">The options are invalid or <paramref name="enrol"/> is negative.</exception>
    public SessionEvaluation(ClipAnalyzer analyzer, IReadOnlyList<string> labels, CalibrationOptions options, string model, int enrol)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(enrol);
        if (options.Validate() is { } error)
        {
            throw new ArgumentException(error, nameof(options));
        }

        (_analyzer, _labels, _options, _model, Enrol) = (analyzer, labels, options, model, enrol);
        Report = new EvalReport(labels);
        PerClip = new EvalReport(labels);
    }

    /// <summary>Labelled clips per speaker before scoring.</summary>
    public int Enrol { get; }

    /// <summary>The scored clips with calibration.</summary>
    public EvalReport Report { get; }

    /// <summary>The same clips scored one by one (no calibration): the baseline.</summary>
    public EvalReport PerClip { get; }

    /// <summary>Clips given to enrolment (not scored).</summary>
    public int EnrolledClips { get; private set; }

    /// <summary>Speakers whose enrolment fitted per-emotion biases (it covered enough emotions).</summary>
    public int EnrolmentsApplied => _speakers.Values.Count(s => s.EnrolmentApplied);

    /// <summary>Voice changes the detector reported, over all sessions.</summary>
    public int VoiceChanges => _speakers.Values.Sum(s => s.Calibration.VoiceChanges);

    /// <summary>The calibrated and per-clip reports of one speaker's scored clips.</summary>
    public IReadOnlyDictionary<string, (EvalReport Calibrated, EvalReport PerClip)> PerSpeaker =>
        _speakers.Where(kv => kv.Value.Report.Count > 0).ToDictionary(kv => kv.Key, kv => (kv.Value.Report, kv.Value.PerClip), StringComparer.Ordinal);

    /// <summary>Scores (or enrols) the next clip of its speaker's session; <paramref name="samples"/> is the decoded clip (16 kHz mono).</summary>
    /// <exception cref="ArgumentException">The clip has no speaker or its label is not the model's.</exception>
    public void Add(EvalClip clip, ReadOnlySpan<float> samples)
    {
        ArgumentNullException.ThrowIfNull(clip);
        var name = clip.Speaker ?? throw new ArgumentException($"{clip.Path}: no speaker", nameof(clip));
        if (!_speakers.TryGetValue(name, out var speaker))
        {
            speaker = new Speaker(new PersonalCalibration(_options, _labels, _model), _labels);
            speaker.Calibration.StartSession(null);
            _speakers[name] = speaker;
        }

        var windows = ClipWindows.Of(_analyzer, samples, keepAudio: speaker.Enrolment.Count >= Enrol);
        var raw = windows.Clip;
        if (speaker.Enrolment.Count < Enrol)
        {
            EnrolledClips++;
            speaker.Enrolment.Add(windows.Labelled(clip.Label));
            if (speaker.Enrolment.Count == Enrol)
            {
                speaker.EnrolmentApplied = speaker.Calibration.Adaptation.Enrol(speaker.Enrolment).Applied;
            }

            return;
        }

        var mean = new double[_labels.Count];
        var adapted = new float[_labels.Count];
        var used = windows.Probabilities.Count;
        for (var w = 0; w < used; w++)
        {
            speaker.Calibration.Process(windows.Audio[w], windows.Probabilities[w], adapted, 1.0 / used);
            for (var i = 0; i < mean.Length; i++)
            {
                mean[i] += adapted[i];
            }
        }

        var predicted = _labels[Array.IndexOf(mean, mean.Max())];
        Report.Add(clip.Label, predicted);
        PerClip.Add(clip.Label, raw.Emotion);
        speaker.Report.Add(clip.Label, predicted);
        speaker.PerClip.Add(clip.Label, raw.Emotion);
    }

    /// <summary>Adds the session fields to <c>eval --json</c>'s object: <c>session</c>, <c>per_clip</c> (the baseline) and <c>per_speaker</c>.</summary>
    public void WriteJson(Utf8JsonWriter json)
    {
        ArgumentNullException.ThrowIfNull(json);
        json.WriteStartObject("session");
        json.WriteBoolean("calibration", _options.Mode == CalibrationMode.Auto);
        json.WriteNumber("enrol", Enrol);
        json.WriteNumber("enrolled_clips", EnrolledClips);
        json.WriteNumber("enrolments_applied", EnrolmentsApplied);
        json.WriteNumber("speakers", _speakers.Count);
        json.WriteNumber("voice_changes", VoiceChanges);
        json.WriteEndObject();
        json.WriteStartObject("per_clip");
        json.WriteNumber("uar", Math.Round(PerClip.Uar, 4));
        json.WriteNumber("accuracy", Math.Round(PerClip.Accuracy, 4));
        json.WriteNumber("n", PerClip.Count);
        json.WriteEndObject();
        json.WriteStartObject("per_speaker");
        foreach (var (name, (calibrated, perClip)) in PerSpeaker)
        {
            json.WriteStartObject(name);
            json.WriteNumber("uar", Math.Round(calibrated.Uar, 4));
            json.WriteNumber("per_clip_uar", Math.Round(perClip.Uar, 4));
            json.WriteNumber("n", calibrated.Count);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    /// <summary>The session part of the readable report: the baseline, the gain and the per-speaker UAR.</summary>
    public string ToText()
    {
        var inv = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine();
        text.AppendLine(inv, $"session: {_speakers.Count} speakers, calibration {(_options.Mode == CalibrationMode.Auto ? "on" : "off")}, "
            + $"enrolment {Enrol} clips per speaker ({EnrolledClips} clips, biases fitted for {EnrolmentsApplied} speakers), {VoiceChanges} voice changes");
        text.AppendLine(inv, $"per-clip on the same clips: accuracy {PerClip.Accuracy:P1}   UAR {PerClip.Uar:P1}   → session UAR {Report.Uar:P1} ({(Report.Uar - PerClip.Uar) * 100:+0.0;-0.0} points)");
        text.AppendLine();
        text.AppendLine("UAR per speaker (per-clip → session):");
        foreach (var (name, (calibrated, perClip)) in PerSpeaker)
        {
            text.AppendLine(inv, $"  {name,-24} {perClip.Uar,7:P1} → {calibrated.Uar,7:P1}   (n={calibrated.Count})");
        }

        return text.ToString();
    }

    private sealed class Speaker(PersonalCalibration calibration, IReadOnlyList<string> labels)
    {
        public PersonalCalibration Calibration { get; } = calibration;

        public List<LabelledClip> Enrolment { get; } = [];

        public bool EnrolmentApplied { get; set; }

        public EvalReport Report { get; } = new(labels);

        public EvalReport PerClip { get; } = new(labels);
    }
}
