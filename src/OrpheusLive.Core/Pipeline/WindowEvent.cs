using OrpheusLive.Core.Pipeline.State;

namespace OrpheusLive.Core.Pipeline;

/// <summary>One analysed window. With personal calibration, a speech window's emotion, confidence and scores are the calibrated ones.</summary>
/// <param name="T">Audio time of the window's end, in seconds.</param>
/// <param name="Speech">True when the window holds speech (only then is the emotion model run).</param>
/// <param name="SpeechFraction">Fraction of the window judged to be speech.</param>
/// <param name="Emotion">The top label, or null for a window without speech.</param>
/// <param name="Confidence">The top label's probability (0 without speech).</param>
/// <param name="Scores">Probability per label (empty without speech), in the model's label order.</param>
/// <param name="LatencyMs">Wall time spent on this window (gate + model).</param>
/// <param name="LevelDbfs">RMS input level of the newest hop, in dBFS.</param>
/// <param name="Affect">
/// Where the listener sounds in the valence–arousal plane, both in [-1, 1]: the probability-weighted mean of the
/// emotions' points (<see cref="Moods.MoodPlane.DefaultEmotionPoints"/>); null without speech.
/// </param>
public sealed record WindowEvent(
    double T,
    bool Speech,
    float SpeechFraction,
    string? Emotion,
    float Confidence,
    IReadOnlyList<KeyValuePair<string, float>> Scores,
    double LatencyMs,
    float LevelDbfs,
    State.ListenerAffect? Affect = null) : PipelineEvent(T)
{
    /// <summary>The calibration after this (speech) window, or null when calibration is not part of the run or the window held no speech.</summary>
    public CalibrationState? Calibration { get; init; }
}
