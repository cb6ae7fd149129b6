namespace OrpheusLive.Core.Emotions;

/// <summary>
/// Scores one window of 16 kHz mono audio over a fixed set of emotion labels.
/// Implementations are created once and reused; <see cref="Classify"/> must not allocate in steady state.
/// </summary>
public interface IEmotionClassifier : IDisposable
{
    /// <summary>Labels in output order (canonical names: neutral, calm, happy, sad, angry, fearful, disgust, surprised).</summary>
    IReadOnlyList<string> Labels { get; }

    /// <summary>Number of samples the model expects per window (48 000 for 3 s at 16 kHz).</summary>
    int WindowSamples { get; }

    /// <summary>Where the model came from and what it declares about itself.</summary>
    ModelInfo Info { get; }

    /// <summary>
    /// Writes one probability per label into <paramref name="probabilities"/> (length <see cref="Labels"/>.Count).
    /// <paramref name="window"/> has exactly <see cref="WindowSamples"/> samples.
    /// </summary>
    void Classify(ReadOnlySpan<float> window, Span<float> probabilities);
}
