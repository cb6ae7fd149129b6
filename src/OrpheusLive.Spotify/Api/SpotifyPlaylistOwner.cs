namespace OrpheusLive.Spotify.Api;

/// <summary>The owner of a playlist (<c>PlaylistOwnerObject</c>).</summary>
/// <param name="Id">The owner's user id ("spotify" for Spotify's own playlists).</param>
/// <param name="DisplayName">The owner's profile name, when public.</param>
public sealed record SpotifyPlaylistOwner(string? Id, string? DisplayName);
