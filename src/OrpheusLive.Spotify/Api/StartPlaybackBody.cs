namespace OrpheusLive.Spotify.Api;

/// <summary>The body of <c>PUT /me/player/play</c>: either a context or a track list.</summary>
/// <param name="ContextUri">A playlist, album or artist URI.</param>
/// <param name="Uris">Track URIs to play.</param>
/// <param name="Offset">Where in the context to start.</param>
internal sealed record StartPlaybackBody(string? ContextUri, IReadOnlyList<string>? Uris, PlaybackOffset? Offset);
