namespace OrpheusLive.Core.Calibration;

/// <summary>
/// Streaming adaptation of a model's per-window probabilities to one listener's voice. Pure computation: no I/O,
/// no clock, deterministic; one instance per listener and pipeline, not thread-safe.
/// </summary>
public interface ISpeakerAdaptation
{
    /// <summary>The model's labels, in output order.</summary>
    IReadOnlyList<string> Labels { get; }

    /// <summary>
    /// How far the correction currently applies (0..1): 0 until the session has shown several emotions.
    /// </summary>
    double Gate { get; }

    /// <summary>
    /// Adapts one speech window: writes the adapted probabilities of <paramref name="probabilities"/> (model order)
    /// into <paramref name="adapted"/> using what was learnt before this window, then learns from it. Allocates nothing.
    /// </summary>
    /// <param name="probabilities">The model's probabilities for the window.</param>
    /// <param name="adapted">Receives the adapted probabilities (same length; may not overlap the input).</param>
    /// <param name="weight">How much new speech the window adds, in windows (0..1]: 1/3 for a 3 s window every 1 s
    /// hop, 1 / (windows in the clip) when a clip is scored as the mean of its windows.</param>
    void Adapt(ReadOnlySpan<float> probabilities, Span<float> adapted, double weight);

    /// <summary>
    /// Learns from labelled clips (the listener read lines in given emotions): they feed the running statistics,
    /// and when they cover enough emotions a per-emotion bias is fitted. Returns before/after confidences.
    /// </summary>
    EnrolmentResult Enrol(IReadOnlyList<LabelledClip> clips);

    /// <summary>Softens the running statistics so that what was learnt counts as at most <paramref name="keepWindows"/> windows (a new voice or a new session).</summary>
    void Forget(double keepWindows);

    /// <summary>Forgets everything, including the enrolment.</summary>
    void Reset();

    /// <summary>A snapshot of what was learnt, to save.</summary>
    SpeakerProfile Profile { get; }

    /// <summary>Continues from a saved profile.</summary>
    /// <exception cref="CalibrationProfileException">The profile does not fit this model (labels, model, corrupt values); nothing changes.</exception>
    void Load(SpeakerProfile profile);
}
