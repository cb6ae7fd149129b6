namespace OrpheusLive.Core.Emotions;

/// <summary>The canonical emotion names a model's labels are expected to use.</summary>
public static class EmotionLabels
{
    /// <summary>All canonical labels.</summary>
    public static readonly IReadOnlyList<string> Canonical =
        ["neutral", "calm", "happy", "sad", "angry", "fearful", "disgust", "surprised"];

    /// <summary>True when <paramref name="label"/> is a canonical emotion name (case-insensitive).</summary>
    public static bool IsCanonical(string label) =>
        Canonical.Contains(label, StringComparer.OrdinalIgnoreCase);
}
