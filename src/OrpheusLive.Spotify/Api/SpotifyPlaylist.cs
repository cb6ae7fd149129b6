namespace OrpheusLive.Spotify.Api;

/// <summary>A playlist of the user's library (<c>SimplifiedPlaylistObject</c> from <c>GET /me/playlists</c>): the fields this app shows.</summary>
/// <param name="Id">The playlist id.</param>
/// <param name="Name">The playlist's name.</param>
/// <param name="Uri">Its Spotify URI (<c>spotify:playlist:…</c>), what the mood mapping stores.</param>
/// <param name="Owner">Who owns it (the user, a friend, Spotify).</param>
/// <param name="Items">How many items it has (<c>items.total</c>).</param>
/// <param name="Tracks">The same, under the deprecated name <c>tracks</c> that older answers still use.</param>
/// <param name="Collaborative">True when others may change it.</param>
/// <param name="Public">True when it is on the owner's profile; null when that does not apply.</param>
public sealed record SpotifyPlaylist(
    string? Id,
    string? Name,
    string? Uri,
    SpotifyPlaylistOwner? Owner,
    SpotifyItemCount? Items,
    SpotifyItemCount? Tracks,
    bool Collaborative,
    bool? Public)
{
    /// <summary>The number of tracks and episodes, when Spotify said.</summary>
    public int? ItemCount => Items?.Total ?? Tracks?.Total;

    /// <summary>True for Spotify's own editorial and generated playlists, which apps registered since November 2024 cannot read.</summary>
    public bool IsEditorial => Uri is not null && SpotifyEditorialPlaylists.IsEditorial(Uri);
}
