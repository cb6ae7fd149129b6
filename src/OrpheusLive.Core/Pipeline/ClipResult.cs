namespace OrpheusLive.Core.Pipeline;

/// <summary>The emotion of a whole clip: the average of its windows' probabilities.</summary>
/// <param name="Emotion">The top label.</param>
/// <param name="Confidence">Its averaged probability.</param>
/// <param name="Scores">Averaged probability per label, in model order.</param>
/// <param name="Windows">How many windows were scored (and averaged).</param>
/// <param name="SpeechWindows">How many of them held speech.</param>
/// <param name="DurationSeconds">Length of the clip.</param>
public sealed record ClipResult(
    string Emotion,
    float Confidence,
    IReadOnlyList<KeyValuePair<string, float>> Scores,
    int Windows,
    int SpeechWindows,
    double DurationSeconds);
