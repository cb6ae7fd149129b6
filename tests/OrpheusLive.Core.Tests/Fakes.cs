using OrpheusLive.Core.Moods;
using OrpheusLive.Core.Pipeline;
using OrpheusLive.Core.Pipeline.State;

namespace OrpheusLive.Core.Tests;

/// <summary>Builders for window events.</summary>
internal static class Windows
{
    public static readonly string[] Labels = ["neutral", "happy", "sad", "angry"];

    /// <summary>
    /// A speech window whose top label is <paramref name="label"/> with probability <paramref name="p"/>; the rest share
    /// 1-p. It carries the listener's point as the window analyser computes it (the emotion table of <see cref="MoodPlane.Default"/>).
    /// </summary>
    public static WindowEvent Speech(double t, string label, float p)
    {
        var rest = (1 - p) / (Labels.Length - 1);
        var scores = Labels.Select(l => new KeyValuePair<string, float>(l, l == label ? p : rest)).ToArray();
        var point = MoodPlane.Default.FromEmotionScores(scores.ToDictionary(s => s.Key, s => (double)s.Value));
        var affect = point is { } a ? new ListenerAffect((float)a.Valence, (float)a.Arousal) : null;
        return new WindowEvent(t, true, 1f, label, p, scores, 1, -20, affect);
    }

    public static WindowEvent Silence(double t) => new(t, false, 0f, null, 0f, [], 0.5, -80);
}
