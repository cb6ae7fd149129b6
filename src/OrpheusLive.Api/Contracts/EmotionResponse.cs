namespace OrpheusLive.Api.Contracts;

/// <summary>The emotion of an uploaded clip (<c>POST /api/emotion</c>).</summary>
/// <param name="Emotion">The top label.</param>
/// <param name="Confidence">Its averaged probability.</param>
/// <param name="Scores">Averaged probability per label, in model order.</param>
/// <param name="Mood">The mood the emotion maps to now, or null when it is not mapped.</param>
/// <param name="Windows">Windows scored.</param>
/// <param name="SpeechWindows">Of those, the ones the speech gate judged to be speech.</param>
/// <param name="DurationS">Length of the clip in seconds (after conversion to 16 kHz mono).</param>
public sealed record EmotionResponse(
    string Emotion,
    double Confidence,
    IReadOnlyDictionary<string, double> Scores,
    string? Mood,
    int Windows,
    int SpeechWindows,
    double DurationS);
