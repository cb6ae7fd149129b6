namespace OrpheusLive.Core.Pipeline;

/// <summary>The music changed (or was started) because the debounced emotion settled on a new mood.</summary>
/// <param name="T">Audio time of the decision, in seconds.</param>
/// <param name="Emotion">The debounced emotion.</param>
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
    string? Message) : PipelineEvent(T);
