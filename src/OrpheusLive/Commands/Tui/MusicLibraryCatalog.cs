using Microsoft.Extensions.Options;
using OrpheusLive.Library;
using OrpheusLive.Library.Cli;
using OrpheusLive.Library.Scanning;
using OrpheusLive.Library.Storage;
using OrpheusLive.Tui.Library;

namespace OrpheusLive.Commands.Tui;

/// <summary>
/// The dashboard's library view ([l]) over the app's <see cref="MusicLibrary"/>: every track by id, named by its file,
/// and [r], a rescan of the folders the library knows with the scanner of <c>orpheus library scan</c>.
/// A library that was never scanned reads as empty (the view says how to fill it) and no database is created for it;
/// one that cannot be opened throws a <see cref="LibraryStoreException"/> whose message the view shows.
/// </summary>
public sealed class MusicLibraryCatalog(Lazy<MusicLibrary> library, IOptions<LibraryOptions> options) : ILibraryCatalog, ILibraryRescan
{
    /// <summary>True once a scan has made the library's database (before that, nothing is opened or created).</summary>
    public bool HasLibrary => MusicLibrary.Exists(options.Value);

    /// <inheritdoc />
    public Task<IReadOnlyList<LibraryTrack>> ListAsync(CancellationToken cancellationToken)
    {
        if (!HasLibrary)
        {
            return Task.FromResult<IReadOnlyList<LibraryTrack>>([]);
        }

        IReadOnlyList<LibraryTrack> tracks = [.. library.Value.List().Select(ToTrack)];
        return Task.FromResult(tracks);
    }

    /// <inheritdoc />
    /// <remarks>
    /// The folders are <see cref="MusicLibrary.Folders"/>: those earlier scans walked and those the library's files are
    /// in, so new files anywhere under a scanned folder are found. Another folder needs <c>orpheus library scan DIR</c>
    /// (or <c>POST /api/library/scan</c>) once.
    /// </remarks>
    /// <exception cref="LibraryBusyException">Another scan is running (the message names its process id).</exception>
    /// <exception cref="InvalidOperationException">Nothing to rescan (no library yet, or none of its folders exists).</exception>
    public async Task<string> RescanAsync(IProgress<LibraryScanProgress> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        if (!HasLibrary)
        {
            throw new InvalidOperationException("There is no library to rescan yet; run 'orpheus library scan DIR' first.");
        }

        var folders = library.Value.Folders();
        if (folders.Count == 0)
        {
            throw new InvalidOperationException("None of the library's folders exists any more; run 'orpheus library scan DIR' with the new place.");
        }

        var summary = await library.Value.ScanAsync(folders, new ScanProgressAdapter(progress), cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        return $"{LibraryConsole.Describe(summary)} ({string.Join(", ", folders)})";
    }

    private static LibraryTrack ToTrack(TrackRecord t) => new(
        t.Paths.FirstOrDefault() is { } path ? Path.GetFileName(path) : $"track {t.Id}",
        t.Status == TrackStatus.Analysed ? t.Mood : null,
        t.TempoBpm, t.Valence, t.Arousal);

    /// <summary>The scanner's progress in the library view's terms.</summary>
    private sealed class ScanProgressAdapter(IProgress<LibraryScanProgress> view) : IProgress<ScanProgress>
    {
        public void Report(ScanProgress value) => view.Report(new LibraryScanProgress(value.FilesDone, value.FilesTotal, value.CurrentFile));
    }
}
