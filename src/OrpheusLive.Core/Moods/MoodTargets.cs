namespace OrpheusLive.Core.Moods;

/// <summary>The music for one mood.</summary>
/// <param name="Targets">Spotify URIs (<c>spotify:playlist:…</c>, <c>spotify:album:…</c>, <c>spotify:track:…</c>) and/or local folders.</param>
/// <param name="Shuffle">Whether to shuffle when starting.</param>
/// <param name="Policy">How the music is aimed (<c>"policy": "match"|"lift"</c>); null = the default of <see cref="MoodMap.PolicyFor"/>.</param>
public sealed record MoodTargets(IReadOnlyList<string> Targets, bool Shuffle = true, MoodPolicy? Policy = null);
