namespace OrpheusLive.Tui.Library;

/// <summary>
/// Rescans the user's music library for the library view's [r] (the host implements it with the scanner of
/// <c>orpheus library scan</c>, so this project needs no database). Runs off the UI thread.
/// </summary>
public interface ILibraryRescan
{
    /// <summary>
    /// Scans the folders the library already knows again (new, changed and moved files; unchanged ones come from the
    /// cache) and returns the one-line summary. Cancelling stops it cleanly (what was finished is kept; the next scan
    /// resumes). Throws with a message the view shows as it is: another process is scanning ("busy, pid N"), there is
    /// no library yet, or none of its folders exists any more.
    /// </summary>
    /// <param name="progress">Told how far the scan is, from the scanner's threads.</param>
    /// <param name="cancellationToken">Stops the scan.</param>
    Task<string> RescanAsync(IProgress<LibraryScanProgress> progress, CancellationToken cancellationToken);
}
