using System.Reactive.Linq;
using System.Reactive.Subjects;
using OrpheusLive.Core.Moods;

namespace OrpheusLive.Spotify.Tests.Infrastructure;

/// <summary>
/// The mood store the setup saves through, kept in memory and starting from the shipped mapping (config/moods.json,
/// with its Spotify editorial playlists). Validates saves like the file store does.
/// </summary>
public sealed class InMemoryMoodMapStore : IMoodMapStore
{
    private readonly Subject<MoodMap> _changes = new();

    public InMemoryMoodMapStore(MoodMap? initial = null)
    {
        Current = initial ?? Shipped();
    }

    public MoodMap Current { get; private set; }

    public IObservable<MoodMap> Changes => _changes.AsObservable();

    public string UserFilePath => "/home/test/.config/orpheus/moods.json";

    public int Saves { get; private set; }

    public static MoodMap Shipped() =>
        MoodMapSerializer.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "config", "moods.json")), "config/moods.json");

    public Task SaveAsync(MoodMap map, CancellationToken cancellationToken)
    {
        MoodMapSerializer.Validate(map, UserFilePath, requireLocalExists: false);
        Current = map;
        Saves++;
        _changes.OnNext(map);
        return Task.CompletedTask;
    }
}
