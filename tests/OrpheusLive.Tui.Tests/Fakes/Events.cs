using OrpheusLive.Core.Emotions;
using OrpheusLive.Core.Pipeline;

namespace OrpheusLive.Tui.Tests.Fakes;

/// <summary>Builders for pipeline events.</summary>
public static class Events
{
    /// <summary>A speech window whose top emotion is <paramref name="emotion"/> at <paramref name="confidence"/>; the rest shares the remainder.</summary>
    public static WindowEvent Speech(double t, string emotion, float confidence, double latencyMs = 5, float levelDbfs = -20f)
    {
        var labels = EmotionLabels.Canonical;
        var rest = (1 - confidence) / (labels.Count - 1);
        var scores = labels.Select(l => new KeyValuePair<string, float>(l, l == emotion ? confidence : rest)).ToArray();
        return new WindowEvent(t, true, 0.8f, emotion, confidence, scores, latencyMs, levelDbfs);
    }

    public static WindowEvent Silence(double t, float levelDbfs = -70f, double latencyMs = 0.5) =>
        new(t, false, 0.05f, null, 0f, [], latencyMs, levelDbfs);
}
