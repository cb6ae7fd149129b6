using System.Reactive.Subjects;
using OrpheusLive.Audio.Playback;
using OrpheusLive.Core.Moods;
using OrpheusLive.Spotify.Playback;

namespace OrpheusLive.Tui.Tests.Fakes;

/// <summary>A mood store that validates like the real one and keeps saves in memory.</summary>
public sealed class InMemoryMoodMapStore(MoodMap initial) : IMoodMapStore
{
    private readonly Subject<MoodMap> _changes = new();

    public MoodMap Current { get; private set; } = initial;

    public IObservable<MoodMap> Changes => _changes;

    public string UserFilePath => "/tmp/orpheus-test/moods.json";

    /// <summary>The players' real rules: Spotify URIs and links, local folders.</summary>
    public static MoodTargetRules RealTargets { get; } = new([new SpotifyTargetValidator(), new LocalTargetValidator(new LocalPlayerOptions())]);

    public MoodTargetRules Targets => RealTargets;

    public List<MoodMap> Saved { get; } = [];

    public Task SaveAsync(MoodMap map, CancellationToken cancellationToken)
    {
        MoodMapSerializer.Validate(map, "mapping", RealTargets, mustExist: false);
        Saved.Add(map);
        Current = map;
        _changes.OnNext(map);
        return Task.CompletedTask;
    }

    public static MoodMap DefaultMap() => MoodMapSerializer.Parse("""
        {
          "emotions": { "neutral": "chill", "calm": "chill", "happy": "upbeat", "sad": "comforting",
                        "angry": "energetic", "fearful": "comforting", "disgust": "energetic", "surprised": "upbeat" },
          "moods": {
            "chill": { "targets": ["spotify:playlist:37i9dQZF1DX4WYpdgoIcn6"], "shuffle": true },
            "upbeat": { "targets": ["spotify:playlist:37i9dQZF1DXdPec7aLTmlC", "spotify:album:4aawyAB9vmqN3uQ7FjRGTy"], "shuffle": true },
            "comforting": { "targets": ["spotify:playlist:37i9dQZF1DX3YSRoSdA634"], "shuffle": false },
            "energetic": { "targets": ["spotify:playlist:37i9dQZF1DX76Wlfdnj7AP"], "shuffle": true }
          }
        }
        """, "test", RealTargets);
}
