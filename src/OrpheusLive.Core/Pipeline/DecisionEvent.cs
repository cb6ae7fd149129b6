namespace OrpheusLive.Core.Pipeline;

/// <summary>
/// The music changed (or was started) because the debounced emotion settled on a new mood, or because the user chose a
/// mood (<see cref="ByUser"/>: "play this mood now").
/// </summary>
/// <param name="T">Audio time of the decision, in seconds.</param>
/// <param name="Emotion">The debounced emotion (for a mood the user chose: the stable emotion at that moment, "" while none is known).</param>
/// <param name="Mood">The mood it maps to.</param>
/// <param name="Confidence">The smoothed confidence of the emotion.</param>
/// <param name="Target">What the player started (URI, folder or file), or null when it could not start anything.</param>
/// <param name="Player">The player's name.</param>
/// <param name="Message">A user-facing message when the player failed.</param>
public sealed record DecisionEvent(
    double T,
    string Emotion,
    string Mood,
    float Confidence,
    string? Target,
    string Player,
    string? Message) : PipelineEvent(T)
{
    /// <summary>True when the user chose the mood (not the listener's voice).</summary>
    public bool ByUser { get; init; }
}
