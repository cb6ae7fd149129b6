namespace OrpheusLive.Tui.Editor;

/// <summary>
/// Somewhere the mapping editor can offer music targets from, besides typing one or picking a local folder: the user's
/// Spotify playlists (when logged in) or the music library's moods. The host registers the ones it has; each gets a
/// function key in the editor (F3, F4, …) in the order given.
/// </summary>
public interface ITargetCatalog
{
    /// <summary>What the catalog holds, as shown on its key and dialog ("Spotify playlists").</summary>
    string Title { get; }

    /// <summary>The targets on offer now (may ask a web service; the editor shows "loading" meanwhile).</summary>
    Task<IReadOnlyList<TargetChoice>> ListAsync(CancellationToken cancellationToken);
}
