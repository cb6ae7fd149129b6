using OrpheusLive.Core.Emotions;

namespace OrpheusLive.Tui.Tests.Fakes;

/// <summary>
/// A deterministic stand-in for the emotion model over real speech: the window's loudness and zero-crossing rate
/// pick the probabilities (loud → angry, bright → happy, quiet and dark → sad), so different lines score differently
/// and the enrolment has something to correct. Speech wherever the window is above −50 dBFS.
/// </summary>
internal sealed class VoiceFeatureClassifier : IEmotionClassifier, ISpeechDetector
{
    public IReadOnlyList<string> Labels { get; } = ["neutral", "happy", "sad", "angry"];

    public int WindowSamples => 48_000;

    public ModelInfo Info { get; } = new("voice-features.onnx", "voice-features", "1", "test", new Dictionary<string, string>());

    public void Classify(ReadOnlySpan<float> window, Span<float> probabilities)
    {
        var (rms, zcr) = Features(window);
        var loud = Math.Clamp(rms * 10, 0, 1);
        var bright = Math.Clamp(zcr * 8, 0, 1);
        Span<double> logits = [1.0, 2 * bright, 1.5 * (1 - loud) * (1 - bright), 2 * loud];
        double total = 0;
        for (var i = 0; i < logits.Length; i++)
        {
            logits[i] = Math.Exp(logits[i]);
            total += logits[i];
        }

        for (var i = 0; i < probabilities.Length; i++)
        {
            probabilities[i] = (float)(logits[i] / total);
        }
    }

    public float SpeechFraction(ReadOnlySpan<float> window) => Features(window).Rms > 0.003 ? 1 : 0;

    public void Dispose()
    {
    }

    private static (double Rms, double Zcr) Features(ReadOnlySpan<float> window)
    {
        double sum = 0;
        var crossings = 0;
        for (var i = 0; i < window.Length; i++)
        {
            sum += window[i] * (double)window[i];
            if (i > 0 && (window[i - 1] < 0) != (window[i] < 0))
            {
                crossings++;
            }
        }

        return (Math.Sqrt(sum / Math.Max(1, window.Length)), crossings / (double)Math.Max(1, window.Length));
    }
}
