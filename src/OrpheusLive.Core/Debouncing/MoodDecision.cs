namespace OrpheusLive.Core.Debouncing;

/// <summary>The music should change to <paramref name="Mood"/>.</summary>
/// <param name="Time">When (scheduler time).</param>
/// <param name="Emotion">The stable emotion that asked for it.</param>
/// <param name="Mood">The mood to play.</param>
/// <param name="Confidence">Smoothed confidence of the emotion.</param>
public sealed record MoodDecision(DateTimeOffset Time, string Emotion, string Mood, float Confidence);
