namespace OrpheusLive.Api.Contracts;

/// <summary>
/// A library scan started by the API, as <c>POST</c>/<c>GET /api/library/scan</c> answer it: the counts so far while
/// <see cref="State"/> is <c>running</c>, the final ones after.
/// </summary>
/// <param name="Id">The scan's id (a new one per scan).</param>
/// <param name="State"><c>running</c>, <c>done</c>, <c>cancelled</c> (the server stopped; the next scan resumes) or <c>failed</c> (see <see cref="Error"/>).</param>
/// <param name="Done">True once the scan has ended, whatever the state.</param>
/// <param name="Folders">The folders scanned (full paths).</param>
/// <param name="Total">Audio files found (0 until the walk is done).</param>
/// <param name="Analysed">Files analysed now.</param>
/// <param name="Cached">Files served from the library (unchanged, analysed before).</param>
/// <param name="Failed">Files that could not be analysed (<c>GET /api/tracks</c> has each one's error).</param>
/// <param name="AudioSeconds">Seconds of audio analysed so far.</param>
/// <param name="Seconds">Wall-clock seconds of the scan, once it has ended.</param>
/// <param name="UnreadableFolders">One line per folder that could not be read.</param>
/// <param name="Error">Why the scan failed (state <c>failed</c>), otherwise null.</param>
/// <param name="StartedAt">When the scan started (UTC).</param>
/// <param name="FinishedAt">When it ended (UTC), or null while running.</param>
public sealed record LibraryScanResponse(
    string Id,
    string State,
    bool Done,
    IReadOnlyList<string> Folders,
    int Total,
    int Analysed,
    int Cached,
    int Failed,
    double AudioSeconds,
    double? Seconds,
    IReadOnlyList<string> UnreadableFolders,
    string? Error,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt);
