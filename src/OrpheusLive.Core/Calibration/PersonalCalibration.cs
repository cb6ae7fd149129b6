namespace OrpheusLive.Core.Calibration;

/// <summary>
/// The per-window calibration step the live pipeline and <c>eval --session</c> run on every speech window: the
/// voice-change check on the window's audio, then <see cref="ISpeakerAdaptation.Adapt"/> of the model's probabilities.
/// With <see cref="CalibrationMode.Off"/> it copies the probabilities through. Pure computation, allocation-free per
/// window, deterministic; not thread-safe (one per pipeline).
/// </summary>
public sealed class PersonalCalibration
{
    private readonly CalibrationOptions _options;
    private readonly VoiceChangeDetector? _detector;

    /// <summary>Creates the step for a model with <paramref name="labels"/> and identity <paramref name="model"/>.</summary>
    /// <exception cref="ArgumentException">The options are invalid; the message names the setting.</exception>
    public PersonalCalibration(CalibrationOptions options, IReadOnlyList<string> labels, string model)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        Adaptation = new SpeakerAdaptation(options, labels, model);
        _detector = options.DetectVoiceChange ? new VoiceChangeDetector(options) : null;
    }

    /// <summary>False with <see cref="CalibrationMode.Off"/>: probabilities pass through unchanged.</summary>
    public bool Enabled => _options.Mode == CalibrationMode.Auto;

    /// <summary>The adaptation (profile, enrolment, diagnostics).</summary>
    public SpeakerAdaptation Adaptation { get; }

    /// <summary>How many voice changes were detected since the session started.</summary>
    public int VoiceChanges { get; private set; }

    /// <summary>
    /// Calibrates one speech window. <paramref name="window"/> is the window's audio (16 kHz mono, for the voice-change
    /// check), <paramref name="probabilities"/> the model's output for it, <paramref name="adapted"/> receives the
    /// calibrated probabilities, <paramref name="weight"/> the new speech the window adds (see
    /// <see cref="ISpeakerAdaptation.Adapt"/>). Returns true when the voice changed at this window.
    /// </summary>
    public bool Process(ReadOnlySpan<float> window, ReadOnlySpan<float> probabilities, Span<float> adapted, double weight)
    {
        if (!Enabled)
        {
            probabilities.CopyTo(adapted);
            return false;
        }

        var changed = _detector?.Process(window, weight) ?? false;
        if (changed)
        {
            VoiceChanges++;
            Adaptation.Forget(_options.VoiceChangeKeepWindows);
        }

        Adaptation.Adapt(probabilities, adapted, weight);
        return changed;
    }

    /// <summary>
    /// A new session: continues from <paramref name="profile"/> (what it learnt then counts as at most
    /// <see cref="CalibrationOptions.SessionKeepWindows"/>), or starts fresh when it is null. Returns null, or the
    /// reason the profile was not usable (then the session starts fresh; the caller warns and keeps the file).
    /// </summary>
    public string? StartSession(SpeakerProfile? profile)
    {
        _detector?.Reset();
        VoiceChanges = 0;
        Adaptation.Reset();
        if (profile is null)
        {
            return null;
        }

        try
        {
            Adaptation.Load(profile);
        }
        catch (CalibrationProfileException e)
        {
            return e.Message;
        }

        Adaptation.Forget(_options.SessionKeepWindows);
        return null;
    }
}
