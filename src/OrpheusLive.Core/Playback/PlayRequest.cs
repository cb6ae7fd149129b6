namespace OrpheusLive.Core.Playback;

/// <summary>Music wanted for a mood.</summary>
/// <param name="Mood">The mood name ("chill").</param>
/// <param name="Targets">Candidate targets from the mapping: Spotify URIs or local folders/files.</param>
/// <param name="Shuffle">Whether to shuffle.</param>
public sealed record PlayRequest(string Mood, IReadOnlyList<string> Targets, bool Shuffle);
