using System.Diagnostics;
using OrpheusLive.Core.Emotions;
using OrpheusLive.Core.Moods;
using OrpheusLive.Core.Pipeline.State;
using OrpheusLive.Core.Windowing;

namespace OrpheusLive.Core.Pipeline;

/// <summary>
/// The per-window path shared by live listening, <c>eval</c>, <c>bench</c> and the HTTP API:
/// speech gate, then (only for speech) the emotion model, and the listener's valence–arousal point from the model's
/// probabilities over the emotion table of <see cref="MoodPlane"/> (<see cref="MoodPlane.DefaultEmotionPoints"/>).
/// Buffers are allocated once; not thread-safe.
/// </summary>
public sealed class WindowAnalyzer
{
    private readonly IEmotionClassifier _classifier;
    private readonly ISpeechDetector? _detector;
    private readonly float[] _probabilities;
    private readonly string[] _labels;
    private readonly AffectPoint?[] _points;

    /// <summary>Creates an analyzer. Without a detector every window counts as speech.</summary>
    /// <param name="classifier">The emotion model.</param>
    /// <param name="detector">The speech gate.</param>
    /// <param name="minSpeechFraction">Speech fraction at or above which a window counts as speech.</param>
    /// <param name="plane">The emotions' valence–arousal points; <see cref="MoodPlane.Default"/> when null.</param>
    public WindowAnalyzer(IEmotionClassifier classifier, ISpeechDetector? detector, double minSpeechFraction, MoodPlane? plane = null)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        _classifier = classifier;
        _detector = detector;
        MinSpeechFraction = minSpeechFraction;
        _labels = [.. classifier.Labels];
        _probabilities = new float[_labels.Length];
        _points = (plane ?? MoodPlane.Default).EmotionPointTable(_labels);
    }

    /// <summary>Samples per window.</summary>
    public int WindowSamples => _classifier.WindowSamples;

    /// <summary>Labels in model order.</summary>
    public IReadOnlyList<string> Labels => _labels;

    /// <summary>Speech fraction at or above which a window counts as speech.</summary>
    public double MinSpeechFraction { get; }

    /// <summary>Probabilities of the last analysed speech window (model order); valid until the next call.</summary>
    public ReadOnlySpan<float> LastProbabilities => _probabilities;

    /// <summary>Analyses one window ending at audio time <paramref name="t"/> seconds.</summary>
    /// <param name="window">Exactly <see cref="WindowSamples"/> samples.</param>
    /// <param name="t">Audio time of the window's end.</param>
    /// <param name="levelDbfs">Input level to report.</param>
    /// <param name="forceSpeech">Run the model even when the gate says there is no speech (clip scoring).</param>
    public WindowEvent Analyze(ReadOnlySpan<float> window, double t, float levelDbfs, bool forceSpeech = false)
    {
        var start = Stopwatch.GetTimestamp();
        var fraction = _detector?.SpeechFraction(window) ?? 1f;
        var speech = fraction >= MinSpeechFraction;
        if (!speech && !forceSpeech)
        {
            return new WindowEvent(t, false, fraction, null, 0f, [], Stopwatch.GetElapsedTime(start).TotalMilliseconds, levelDbfs);
        }

        _classifier.Classify(window, _probabilities);
        var top = 0;
        var scores = new KeyValuePair<string, float>[_labels.Length];
        for (var i = 0; i < _labels.Length; i++)
        {
            scores[i] = new(_labels[i], _probabilities[i]);
            if (_probabilities[i] > _probabilities[top])
            {
                top = i;
            }
        }

        var affect = MoodPlane.FromProbabilities(_probabilities, _points) is { } point
            ? new ListenerAffect((float)point.Valence, (float)point.Arousal)
            : null;
        return new WindowEvent(
            t, speech, fraction, _labels[top], _probabilities[top], scores,
            Stopwatch.GetElapsedTime(start).TotalMilliseconds, levelDbfs, affect);
    }
}
