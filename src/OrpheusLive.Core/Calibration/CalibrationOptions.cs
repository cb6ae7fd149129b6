using System.Globalization;

namespace OrpheusLive.Core.Calibration;

/// <summary>
/// How personal calibration adapts to a voice. Bound from configuration section <c>Calibration</c>;
/// <see cref="Validate"/> names the first bad value. Amounts of speech are counted in <em>windows</em>: one window is
/// one model window (3 s) of new speech, so a live 3 s window every 1 s hop counts 1/3, and a clip scored as one
/// window counts 1. The defaults were chosen by measurement (<c>training/results/calibration.md</c>).
/// </summary>
public sealed class CalibrationOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Calibration";

    /// <summary><see cref="CalibrationMode.Auto"/> (adapt) or <see cref="CalibrationMode.Off"/>.</summary>
    public CalibrationMode Mode { get; set; } = CalibrationMode.Auto;

    /// <summary>How much speech the running statistics remember (windows; 200 ≈ 10 minutes): older speech fades out.</summary>
    public double MemoryWindows { get; set; } = 200;

    /// <summary>
    /// How much speech the "no correction" prior is worth (windows): the correction is scaled by n / (n + this), so
    /// it reaches half strength after this much speech and two thirds after twice as much (10 ≈ 30 s, 20 ≈ a minute).
    /// </summary>
    public double PriorWindows { get; set; } = 10;

    /// <summary>
    /// Mutual information (nats) between window and emotion in the model's own outputs below which the session is
    /// taken to hold a single emotion and nothing is corrected (so such a session is never normalised into neutral).
    /// </summary>
    public double GateLow { get; set; } = 0.2;

    /// <summary>Mutual information (nats) at and above which the correction applies in full (linear in between).</summary>
    public double GateHigh { get; set; } = 0.4;

    /// <summary>Largest step (nats, per emotion) one window's log-probabilities may pull the running mean: one loud moment never dominates.</summary>
    public double StepClampNats { get; set; } = 3;

    /// <summary>Probabilities below this are raised to it before the logarithm (keeps a confident model's zeros finite).</summary>
    public double ProbabilityFloor { get; set; } = 1e-4;

    /// <summary>L2 strength of the enrolment's per-emotion bias (higher = smaller biases from few clips).</summary>
    public double EnrolmentStrength { get; set; } = 2;

    /// <summary>An enrolment must cover at least this many different emotions to fit per-emotion biases (fewer only feed the running statistics).</summary>
    public int MinEnrolmentEmotions { get; set; } = 3;

    /// <summary>When the voice changes, what was learnt counts as only this many windows against the new voice.</summary>
    public double VoiceChangeKeepWindows { get; set; } = 2;

    /// <summary>When a new session starts from a saved profile, what it learnt counts as at most this many windows (the room or microphone may differ).</summary>
    public double SessionKeepWindows { get; set; } = 20;

    /// <summary>Whether the voice-change detector runs (a detected change softens the statistics, see <see cref="VoiceChangeKeepWindows"/>).</summary>
    public bool DetectVoiceChange { get; set; } = true;

    /// <summary>Detector: the change statistic (≈ 1 for the same voice) above which the voice counts as changed.</summary>
    public double VoiceChangeThreshold { get; set; } = 4;

    /// <summary>Detector: windows the short-term voice average spans.</summary>
    public double VoiceShortWindows { get; set; } = 4;

    /// <summary>Detector: windows the current voice's long-term average spans.</summary>
    public double VoiceLongWindows { get; set; } = 40;

    /// <summary>Detector: windows of a voice before a change can be reported.</summary>
    public double VoiceWarmupWindows { get; set; } = 6;

    /// <summary>Returns null when valid, or a message naming the first bad setting and what is valid.</summary>
    public string? Validate()
    {
        if (!Enum.IsDefined(Mode))
        {
            return $"{SectionName}:Mode must be auto or off (got {Mode}).";
        }

        return Range(nameof(MemoryWindows), MemoryWindows, 1, 100_000)
            ?? Range(nameof(PriorWindows), PriorWindows, 0, 100_000)
            ?? Range(nameof(GateLow), GateLow, 0, 2)
            ?? (GateHigh > GateLow && GateHigh <= 2 ? null : $"{SectionName}:GateHigh must be above GateLow ({Format(GateLow)}) and at most 2 (got {Format(GateHigh)}).")
            ?? Range(nameof(StepClampNats), StepClampNats, 0.01, 100)
            ?? Range(nameof(ProbabilityFloor), ProbabilityFloor, 1e-12, 0.1)
            ?? Range(nameof(EnrolmentStrength), EnrolmentStrength, 0.01, 1000)
            ?? (MinEnrolmentEmotions >= 1 ? null : $"{SectionName}:MinEnrolmentEmotions must be 1 or more (got {MinEnrolmentEmotions}).")
            ?? Range(nameof(VoiceChangeKeepWindows), VoiceChangeKeepWindows, 0, 100_000)
            ?? Range(nameof(SessionKeepWindows), SessionKeepWindows, 0, 100_000)
            ?? Range(nameof(VoiceChangeThreshold), VoiceChangeThreshold, 0.1, 1000)
            ?? Range(nameof(VoiceShortWindows), VoiceShortWindows, 1, 1000)
            ?? (VoiceLongWindows > VoiceShortWindows && VoiceLongWindows <= 100_000 ? null : $"{SectionName}:VoiceLongWindows must be above VoiceShortWindows ({Format(VoiceShortWindows)}) (got {Format(VoiceLongWindows)}).")
            ?? Range(nameof(VoiceWarmupWindows), VoiceWarmupWindows, 1, 100_000);
    }

    private static string? Range(string name, double value, double min, double max) =>
        value >= min && value <= max ? null : $"{SectionName}:{name} must be between {Format(min)} and {Format(max)} (got {Format(value)}).";

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
