using OrpheusLive.Spotify.Api;
using OrpheusLive.Tui.Editor;

namespace OrpheusLive.Commands.Tui;

/// <summary>
/// The user's own Spotify playlists (<c>GET /me/playlists</c>) for the mapping editor: since 2024-11 new apps cannot read
/// Spotify's editorial playlists, so the user's own are the targets that work. Offered only while logged in.
/// </summary>
/// <param name="client">Creates the Spotify client on first use (the editor may never ask).</param>
public sealed class SpotifyPlaylistCatalog(Func<SpotifyClient> client) : ITargetCatalog
{
    /// <inheritdoc />
    public string Title => "Spotify playlists";

    /// <inheritdoc />
    /// <exception cref="SpotifyApiException">Spotify refused or failed (the editor shows the message).</exception>
    public async Task<IReadOnlyList<TargetChoice>> ListAsync(CancellationToken cancellationToken)
    {
        var playlists = await client().GetMyPlaylistsAsync(cancellationToken).ConfigureAwait(false);
        return [.. playlists
            .Where(p => !string.IsNullOrEmpty(p.Uri))
            .Select(p => new TargetChoice(Describe(p), p.Uri!))
            .OrderBy(c => c.Name, StringComparer.CurrentCultureIgnoreCase)];
    }

    private static string Describe(SpotifyPlaylist playlist)
    {
        var name = string.IsNullOrWhiteSpace(playlist.Name) ? playlist.Uri! : playlist.Name;
        var count = playlist.Items?.Total ?? playlist.Tracks?.Total;
        return count is { } n ? $"{name} ({n} tracks)" : name;
    }
}
