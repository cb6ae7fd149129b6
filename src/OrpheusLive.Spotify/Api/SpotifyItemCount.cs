namespace OrpheusLive.Spotify.Api;

/// <summary>A link to a playlist's items with their number (<c>PlaylistTracksRefObject</c>): only the number.</summary>
/// <param name="Total">How many items.</param>
public sealed record SpotifyItemCount(int Total);
