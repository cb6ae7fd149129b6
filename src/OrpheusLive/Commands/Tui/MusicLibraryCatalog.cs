using Microsoft.Extensions.Options;
using OrpheusLive.Library;
using OrpheusLive.Library.Storage;
using OrpheusLive.Tui.Library;

namespace OrpheusLive.Commands.Tui;

/// <summary>
/// The dashboard's library view ([l]) over the app's <see cref="MusicLibrary"/>: every track by id, named by its file.
/// A library that was never scanned reads as empty (the view says how to fill it) and no database is created for it;
/// one that cannot be opened throws a <see cref="LibraryStoreException"/> whose message the view shows.
/// </summary>
public sealed class MusicLibraryCatalog(Lazy<MusicLibrary> library, IOptions<LibraryOptions> options) : ILibraryCatalog
{
    /// <summary>True once a scan has made the library's database (before that, nothing is opened or created).</summary>
    public bool HasLibrary => File.Exists(options.Value.Database);

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

    private static LibraryTrack ToTrack(TrackRecord t) => new(
        t.Paths.FirstOrDefault() is { } path ? Path.GetFileName(path) : $"track {t.Id}",
        t.Status == TrackStatus.Analysed ? t.Mood : null,
        t.TempoBpm, t.Valence, t.Arousal);
}
