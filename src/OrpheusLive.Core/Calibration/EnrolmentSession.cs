using OrpheusLive.Core.Pipeline;

namespace OrpheusLive.Core.Calibration;

/// <summary>
/// One enrolment, as <c>orpheus calibrate</c> and the dashboard's calibration screen run it: the prompts for the
/// model's labels, the clips the listener read (each scored through the live clip path as it is added), then one
/// <see cref="ISpeakerAdaptation.Enrol"/> with before/after confidences and the profile to save. Pure computation: the
/// caller records or reads the clips and saves <see cref="Learnt"/>. Not thread-safe (one caller at a time); the
/// model runs inside <see cref="Add"/>, so a UI calls it off its own thread.
/// </summary>
public sealed class EnrolmentSession
{
    private readonly ClipAnalyzer _analyzer;
    private readonly List<LabelledClip> _clips = [];
    private readonly List<string> _names = [];

    /// <summary>Creates the enrolment of profile <paramref name="profileName"/>.</summary>
    /// <param name="step">The calibration step, its session already started from what the profile knew (the
    /// enrolment continues from it).</param>
    /// <param name="analyzer">The live clip path (speech gate + model) the clips are scored with.</param>
    /// <param name="profileName">The profile's name (<c>--profile NAME</c>).</param>
    public EnrolmentSession(PersonalCalibration step, ClipAnalyzer analyzer, string profileName)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(analyzer);
        ArgumentNullException.ThrowIfNull(profileName);
        Step = step;
        _analyzer = analyzer;
        ProfileName = profileName;
        Prompts = EnrolmentPrompt.For(step.Adaptation.Labels);
    }

    /// <summary>The calibration step the enrolment teaches (<see cref="PersonalCalibration.Enabled"/> says whether listening uses it).</summary>
    public PersonalCalibration Step { get; }

    /// <summary>The profile's name.</summary>
    public string ProfileName { get; }

    /// <summary>About a minute of lines to read, for the model's labels (<see cref="EnrolmentPrompt.For"/>).</summary>
    public IReadOnlyList<EnrolmentPrompt> Prompts { get; }

    /// <summary>The added clips' names ("line 3", "happy-1.wav"), in order.</summary>
    public IReadOnlyList<string> Names => _names;

    /// <summary>How many clips were added.</summary>
    public int Count => _clips.Count;

    /// <summary>What <see cref="Enrol"/> did, or null before.</summary>
    public EnrolmentResult? Result { get; private set; }

    /// <summary>A snapshot of the profile as it stands (after <see cref="Enrol"/>: with what the clips taught), to save.</summary>
    public SpeakerProfile Learnt => Step.Adaptation.Profile;

    /// <summary>Scores clip <paramref name="samples"/> (16 kHz mono) spoken in emotion <paramref name="label"/> and keeps it for the enrolment.</summary>
    /// <param name="name">How the clip is shown ("line 3", a file name).</param>
    /// <param name="label">The emotion it was read in: one of the model's labels.</param>
    /// <param name="samples">The clip.</param>
    /// <exception cref="ArgumentException"><paramref name="label"/> is not one of the model's labels.</exception>
    /// <exception cref="InvalidOperationException">The enrolment was already made.</exception>
    public void Add(string name, string label, ReadOnlySpan<float> samples)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(label);
        if (Result is not null)
        {
            throw new InvalidOperationException("This enrolment was already made; start another one for more clips.");
        }

        var labels = Step.Adaptation.Labels;
        var known = labels.FirstOrDefault(l => string.Equals(l, label, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"Clip '{name}' has label '{label}'; the model's labels are {string.Join(", ", labels)}.", nameof(label));
        _clips.Add(ClipWindows.Of(_analyzer, samples, keepAudio: false).Labelled(known));
        _names.Add(name);
    }

    /// <summary>Teaches the adaptation the added clips (once) and returns the before/after confidences, in the order added.</summary>
    /// <exception cref="InvalidOperationException">No clip was added, or the enrolment was already made.</exception>
    public EnrolmentResult Enrol()
    {
        if (Result is not null)
        {
            throw new InvalidOperationException("This enrolment was already made.");
        }

        if (_clips.Count == 0)
        {
            throw new InvalidOperationException("No clip was recorded; read at least one line.");
        }

        Result = Step.Adaptation.Enrol(_clips);
        return Result;
    }
}
