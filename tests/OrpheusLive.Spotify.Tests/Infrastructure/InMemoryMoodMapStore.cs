using System.Reactive.Linq;
using System.Reactive.Subjects;
using OrpheusLive.Core.Moods;
using OrpheusLive.Core.Playback;
using OrpheusLive.Spotify.Playback;

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

    /// <summary>Spotify's real rules, and local folders accepted as written (the built-in player is not under test here).</summary>
    public static MoodTargetRules Rules { get; } = new([new SpotifyTargetValidator(), new LocalFolders()]);

    public MoodTargetRules Targets => Rules;

    public static MoodMap Shipped() =>
        MoodMapSerializer.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "config", "moods.json")), "config/moods.json", Rules);

    public Task SaveAsync(MoodMap map, CancellationToken cancellationToken)
    {
        MoodMapSerializer.Validate(map, UserFilePath, Rules, mustExist: false);
        Current = map;
        Saves++;
        _changes.OnNext(map);
        return Task.CompletedTask;
    }

    private sealed class LocalFolders : ITargetValidator
    {
        public string Description => "a local folder";

        public TargetCheck? Check(string target, bool mustExist) => target.Contains(':', StringComparison.Ordinal) ? null : TargetCheck.Valid(target);
    }
}
