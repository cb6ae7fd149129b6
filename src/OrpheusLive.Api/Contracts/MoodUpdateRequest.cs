namespace OrpheusLive.Api.Contracts;

/// <summary>
/// Body of <c>PUT /api/moods/{emotion}</c>: the mood the emotion maps to and, optionally, that mood's music.
/// </summary>
/// <param name="Mood">The mood name (required).</param>
/// <param name="Targets">When given, replaces the mood's targets (Spotify URIs/links or local folders); required for a new mood.</param>
/// <param name="Shuffle">When given, sets whether the mood's music is shuffled.</param>
public sealed record MoodUpdateRequest(string? Mood, IReadOnlyList<string?>? Targets, bool? Shuffle);
