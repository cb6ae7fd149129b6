namespace OrpheusLive.Core.Debouncing;

/// <summary>The debounced emotion after one speech window.</summary>
/// <param name="Time">When (scheduler time; in the live pipeline, audio time).</param>
/// <param name="Emotion">The stable emotion, or null until one has been accepted.</param>
/// <param name="Confidence">Smoothed probability of <paramref name="Emotion"/> (of the top label while none is accepted).</param>
/// <param name="Changed">True on the window where <paramref name="Emotion"/> changed.</param>
public sealed record EmotionState(DateTimeOffset Time, string? Emotion, float Confidence, bool Changed);
