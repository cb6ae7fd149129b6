using OrpheusLive.Core.Emotions;

namespace OrpheusLive.Api.Tests.Support;

/// <summary>
/// A deterministic stand-in for the ONNX model: the emotion depends on the pitch (zero-crossing rate over the non-zero samples) and the
/// confidence on its loudness. Silence → neutral; ~200 Hz → sad; ~440 Hz → happy; ~1000 Hz → angry.
/// Confidence = clamp(0.5 + RMS, 0.5, 0.95); the other labels share the rest equally.
/// Like the real classifier, calls are serialised by a lock.
/// </summary>
internal sealed class ToneClassifier : IEmotionClassifier
{
    public static readonly string[] AllLabels = ["neutral", "happy", "sad", "angry"];

    private readonly Lock _gate = new();
    private long _calls;

    public IReadOnlyList<string> Labels => AllLabels;

    public int WindowSamples => 48_000;

    public ModelInfo Info { get; } = new("/fake/tone.onnx", "tone-fake", "1.2.3", "test (CPU)", new Dictionary<string, string>());

    public long Calls => Interlocked.Read(ref _calls);

    public static (string Label, float Confidence) Expected(double frequency, double amplitude)
    {
        var rms = amplitude / Math.Sqrt(2);
        return (LabelFor(frequency), (float)Math.Clamp(0.5 + rms, 0.5, 0.95));
    }

    public void Classify(ReadOnlySpan<float> window, Span<float> probabilities)
    {
        if (window.Length != WindowSamples)
        {
            throw new ArgumentException($"expected {WindowSamples} samples, got {window.Length}");
        }

        lock (_gate)
        {
            Interlocked.Increment(ref _calls);
            double sum = 0;
            var crossings = 0;
            var active = 0; // samples that are not padding, so a padded clip keeps its pitch
            for (var i = 0; i < window.Length; i++)
            {
                sum += window[i] * (double)window[i];
                if (window[i] != 0f)
                {
                    active++;
                }

                if (i > 0 && (window[i - 1] < 0) != (window[i] < 0))
                {
                    crossings++;
                }
            }

            var rms = Math.Sqrt(sum / window.Length);
            var label = rms < 1e-3 ? "neutral" : LabelFor(crossings / 2.0 / (Math.Max(active, 1) / 16_000.0));
            var confidence = (float)Math.Clamp(0.5 + rms, 0.5, 0.95);
            for (var i = 0; i < AllLabels.Length; i++)
            {
                probabilities[i] = AllLabels[i] == label ? confidence : (1 - confidence) / (AllLabels.Length - 1);
            }
        }
    }

    public void Dispose()
    {
    }

    private static string LabelFor(double frequency) => frequency switch
    {
        < 320 => "sad",
        < 700 => "happy",
        _ => "angry",
    };
}
