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

    /// <summary>The emotions whose listener is lifted by default (<see cref="MoodPolicy.Lift"/> for the moods they map to).</summary>
    public static IReadOnlySet<string> LiftedEmotions { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "sad", "fearful" };

    /// <summary>
    /// The policy of <paramref name="mood"/>: its own <c>"policy"</c>, else <see cref="MoodPolicy.Lift"/> when a sad or
    /// fearful listener is mapped to it (comforting in the shipped mapping), else <see cref="MoodPolicy.Match"/>.
    /// </summary>
    public MoodPolicy PolicyFor(string mood)
    {
        if (TargetsFor(mood)?.Policy is { } set) return set;
        return Emotions.Any(e => LiftedEmotions.Contains(e.Key) && string.Equals(e.Value, mood, StringComparison.OrdinalIgnoreCase))
            ? MoodPolicy.Lift
            : MoodPolicy.Match;
    }
}
