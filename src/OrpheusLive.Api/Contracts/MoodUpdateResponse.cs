namespace OrpheusLive.Api.Contracts;

/// <summary>What <c>PUT /api/moods/{emotion}</c> saved.</summary>
/// <param name="Emotion">The emotion.</param>
/// <param name="Mood">Its mood.</param>
/// <param name="Targets">The mood's targets (normalised).</param>
/// <param name="Shuffle">Whether the mood's music is shuffled.</param>
public sealed record MoodUpdateResponse(string Emotion, string Mood, IReadOnlyList<string> Targets, bool Shuffle);
