using OrpheusLive.Core.Audio;
using OrpheusLive.Core.Windowing;

namespace OrpheusLive.Core.Pipeline;

/// <summary>
/// Scores a whole clip through the live windowing path: a clip shorter than one window is centred in one window
/// (<see cref="WindowPadding"/>, the rule live listening uses too);
/// a longer one is cut into windows every hop (plus one ending at the clip's end) and the probabilities of its speech
/// windows are averaged (of all windows when none holds speech).
/// </summary>
public sealed class ClipAnalyzer(WindowAnalyzer analyzer, double hopSeconds)
{
    private readonly float[] _window = new float[analyzer.WindowSamples];

    /// <summary>Scores <paramref name="samples"/> (16 kHz mono); <paramref name="onWindow"/>, when given, sees every window scored.</summary>
    /// <exception cref="ArgumentException">The clip is empty.</exception>
    public ClipResult Analyze(ReadOnlySpan<float> samples, ClipWindowObserver? onWindow = null)
    {
        if (samples.IsEmpty)
        {
            throw new ArgumentException("The clip has no audio.", nameof(samples));
        }

        var labels = analyzer.Labels;
        var speechSum = new double[labels.Count];
        var allSum = new double[labels.Count];
        int windows = 0, speechWindows = 0;
        var size = analyzer.WindowSamples;
        var hop = Math.Max(1, (int)Math.Round(hopSeconds * IAudioSource.SampleRate));

        void Score(ReadOnlySpan<float> window, double t)
        {
            var result = analyzer.Analyze(window, t, AudioLevel.RmsDbfs(window), forceSpeech: true);
            onWindow?.Invoke(window, result);
            windows++;
            if (result.Speech)
            {
                speechWindows++;
            }

            for (var i = 0; i < labels.Count; i++)
            {
                allSum[i] += result.Scores[i].Value;
                if (result.Speech)
                {
                    speechSum[i] += result.Scores[i].Value;
                }
            }
        }

        if (samples.Length <= size)
        {
            WindowPadding.Centre(samples, _window);
            Score(_window, samples.Length / (double)IAudioSource.SampleRate);
        }
        else
        {
            var lastStart = samples.Length - size;
            for (var start = 0; ; start += hop)
            {
                var s = Math.Min(start, lastStart);
                Score(samples.Slice(s, size), (s + size) / (double)IAudioSource.SampleRate);
                if (s == lastStart)
                {
                    break;
                }
            }
        }

        var sums = speechWindows > 0 ? speechSum : allSum;
        var count = speechWindows > 0 ? speechWindows : windows;
        var scores = new KeyValuePair<string, float>[labels.Count];
        var top = 0;
        for (var i = 0; i < labels.Count; i++)
        {
            scores[i] = new(labels[i], (float)(sums[i] / count));
            if (scores[i].Value > scores[top].Value)
            {
                top = i;
            }
        }

        return new ClipResult(labels[top], scores[top].Value, scores, windows, speechWindows,
            samples.Length / (double)IAudioSource.SampleRate);
    }
}
