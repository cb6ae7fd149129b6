using OrpheusLive.Spotify.Api;
using OrpheusLive.Spotify.Auth;
using OrpheusLive.Tui.Editor;

namespace OrpheusLive.Commands.Tui;

/// <summary>
/// Where the mapping editor (<c>orpheus map</c>, and <c>m</c> on the dashboard) offers targets from besides typing one or
/// picking a folder: the user's Spotify playlists while logged in, and the music library's moods once a scan made one
/// (a library that was never scanned is not created by looking at it).
/// </summary>
public sealed class MappingTargetCatalogs(SpotifyTokenStore tokens, Func<SpotifyClient> spotify, MusicLibraryCatalog library)
{
    /// <summary>The catalogs on offer now, in key order (F3, F4, …).</summary>
    public IReadOnlyList<ITargetCatalog> Available()
    {
        var catalogs = new List<ITargetCatalog>();
        if (tokens.Read().IsLoggedIn)
        {
            catalogs.Add(new SpotifyPlaylistCatalog(spotify));
        }

        if (library.HasLibrary)
        {
            catalogs.Add(new LibraryMoodCatalog(library));
        }

        return catalogs;
    }
}
