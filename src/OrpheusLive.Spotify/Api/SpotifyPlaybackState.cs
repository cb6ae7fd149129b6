namespace OrpheusLive.Spotify.Api;

/// <summary>The user's playback (<c>CurrentlyPlayingContextObject</c> from <c>GET /me/player</c>).</summary>
/// <param name="Device">The active device.</param>
/// <param name="RepeatState">"off", "track" or "context".</param>
/// <param name="ShuffleState">Whether shuffle is on.</param>
/// <param name="Context">The playlist, album or artist being played; null for a plain track list.</param>
/// <param name="Timestamp">Unix milliseconds of the last change.</param>
/// <param name="ProgressMs">Position in the current item.</param>
/// <param name="IsPlaying">True while something plays.</param>
/// <param name="Item">The track or episode, when known.</param>
/// <param name="CurrentlyPlayingType">"track", "episode", "ad" or "unknown".</param>
public sealed record SpotifyPlaybackState(
    SpotifyDevice? Device,
    string? RepeatState,
    bool ShuffleState,
    SpotifyContext? Context,
    long Timestamp,
    int? ProgressMs,
    bool IsPlaying,
    SpotifyPlaybackItem? Item,
    string? CurrentlyPlayingType);
