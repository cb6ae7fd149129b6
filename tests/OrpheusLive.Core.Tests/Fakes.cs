using OrpheusLive.Core.Pipeline;

namespace OrpheusLive.Core.Tests;

/// <summary>Builders for window events.</summary>
internal static class Windows
{
    public static readonly string[] Labels = ["neutral", "happy", "sad", "angry"];

    /// <summary>A speech window whose top label is <paramref name="label"/> with probability <paramref name="p"/>; the rest share 1-p.</summary>
    public static WindowEvent Speech(double t, string label, float p)
    {
        var rest = (1 - p) / (Labels.Length - 1);
        var scores = Labels.Select(l => new KeyValuePair<string, float>(l, l == label ? p : rest)).ToArray();
        return new WindowEvent(t, true, 1f, label, p, scores, 1, -20);
    }

    public static WindowEvent Silence(double t) => new(t, false, 0f, null, 0f, [], 0.5, -80);
}
