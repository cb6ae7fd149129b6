using OrpheusLive.Tui.Library;

namespace OrpheusLive.Tui.Tests.Fakes;

/// <summary>A library held in memory (or one that fails), counting how often it was read.</summary>
public sealed class FakeLibraryCatalog(IReadOnlyList<LibraryTrack> tracks, Exception? failure = null) : ILibraryCatalog
{
    public int Reads { get; private set; }

    public Task<IReadOnlyList<LibraryTrack>> ListAsync(CancellationToken cancellationToken)
    {
        Reads++;
        return failure is null ? Task.FromResult(tracks) : Task.FromException<IReadOnlyList<LibraryTrack>>(failure);
    }

    public static FakeLibraryCatalog Three() => new(
    [
        new LibraryTrack("morning-song.ogg", "upbeat", 128, 0.7, 0.6),
        new LibraryTrack("quiet-lake.ogg", "calm", 72, 0.5, -0.7),
        new LibraryTrack("storm.ogg", "upbeat", 140, 0.4, 0.8),
        new LibraryTrack("broken.mp3", null, null, null, null),
    ]);
}
