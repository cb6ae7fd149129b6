namespace OrpheusLive.Tui.Mapping;

/// <summary>One emotion and the mood it maps to (null when it is not mapped: that emotion leaves the music alone).</summary>
/// <param name="Emotion">The canonical emotion name.</param>
/// <param name="Mood">Its mood, or null.</param>
public sealed record EmotionMapping(string Emotion, string? Mood);
