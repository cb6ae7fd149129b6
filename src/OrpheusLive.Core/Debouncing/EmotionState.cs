namespace OrpheusLive.Core.Debouncing;

/// <summary>The debounced emotion after one speech window.</summary>
/// <param name="Time">When (scheduler time; in the live pipeline, audio time).</param>
/// <param name="Emotion">The stable emotion, or null until one has been accepted.</param>
/// <param name="Confidence">Smoothed probability of <paramref name="Emotion"/> (of the top label while none is accepted).</param>
/// <param name="Changed">True on the window where <paramref name="Emotion"/> changed.</param>
public sealed record EmotionState(DateTimeOffset Time, string? Emotion, float Confidence, bool Changed)
{
    /// <summary>The smoothed belief per label after this window, in model order.</summary>
    public IReadOnlyList<KeyValuePair<string, float>> Belief { get; init; } = [];

    /// <summary>When <see cref="Emotion"/> was accepted (scheduler time), or null while none is.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>
    /// A confident challenger that is being held back: it leads by the threshold and margin but has not led for the whole
    /// hold time yet. Null when no change is under way.
    /// </summary>
    public string? Challenger { get; init; }

    /// <summary>How much longer <see cref="Challenger"/> must keep leading before it is accepted (zero without one).</summary>
    public TimeSpan HoldRemaining { get; init; }
}
