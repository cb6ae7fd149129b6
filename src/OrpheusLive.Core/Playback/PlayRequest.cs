namespace OrpheusLive.Core.Playback;

/// <summary>Music wanted for a mood.</summary>
/// <param name="Mood">The mood name ("chill").</param>
/// <param name="Targets">Candidate targets from the mapping: Spotify URIs or local folders/files.</param>
/// <param name="Shuffle">Whether to shuffle.</param>
/// <param name="Aim">
/// Where in the valence–arousal plane the music should sit (the mood's policy applied to the listener's point,
/// <see cref="Moods.MoodAim"/>); null = the mood's own point. Players that pick tracks by their point (the built-in
/// player from the music library) use it; the others ignore it.
/// </param>
public sealed record PlayRequest(string Mood, IReadOnlyList<string> Targets, bool Shuffle, Moods.AffectPoint? Aim = null);
