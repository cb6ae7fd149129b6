namespace OrpheusLive.Spotify.Api;

/// <summary>One page of <c>GET /me/playlists</c> (<c>PagingPlaylistObject</c>).</summary>
/// <param name="Items">The playlists of this page; Spotify has been seen to send null entries.</param>
/// <param name="Limit">The page size asked for.</param>
/// <param name="Offset">The index of the first item.</param>
/// <param name="Total">How many playlists there are in all.</param>
/// <param name="Next">The URL of the next page, or null on the last.</param>
internal sealed record SpotifyPlaylistPage(IReadOnlyList<SpotifyPlaylist?>? Items, int Limit, int Offset, int Total, string? Next);
