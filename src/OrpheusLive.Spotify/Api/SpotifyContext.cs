namespace OrpheusLive.Spotify.Api;

/// <summary>What playback was started from (<c>ContextObject</c>).</summary>
/// <param name="Type">"playlist", "album", "artist", "show".</param>
/// <param name="Uri">The context's Spotify URI.</param>
public sealed record SpotifyContext(string? Type, string? Uri);
