namespace OrpheusLive.Core.Moods;

/// <summary>
/// The user's mapping: emotion → mood, and mood → music targets. Immutable; edits produce a new map.
/// Keys are compared case-insensitively and stored lower-case.
/// </summary>
/// <param name="Emotions">Emotion label → mood name.</param>
/// <param name="Moods">Mood name → its targets.</param>
public sealed record MoodMap(
    IReadOnlyDictionary<string, string> Emotions,
    IReadOnlyDictionary<string, MoodTargets> Moods)
{
    /// <summary>The mood for <paramref name="emotion"/>, or null when the emotion is not mapped.</summary>
    public string? MoodFor(string emotion) =>
        Emotions.TryGetValue(emotion, out var mood) ? mood : null;

    /// <summary>The targets of <paramref name="mood"/>, or null when the mood has none.</summary>
    public MoodTargets? TargetsFor(string mood) =>
        Moods.TryGetValue(mood, out var targets) ? targets : null;
}
