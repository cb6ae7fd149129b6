using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OrpheusLive.Core.Moods;
using OrpheusLive.Core.Playback;
using OrpheusLive.Library.Storage;

namespace OrpheusLive.Library.Playback;

/// <summary>
/// Picks the built-in player's next track of a mood from the library (issue #11): among the mood's analysed tracks
/// whose file still exists, ordered nearest to the mood's point first (<see cref="MusicLibrary.NearestTo"/>), leave out
/// the last <see cref="LibraryOptions.NoRepeat"/> tracks played (of any mood), then pick at random among the first
/// <see cref="LibraryOptions.Nearest"/> left: near tracks first, shuffled, never a recent repeat. Given an aim (the mood's
/// policy applied to the listener's point, <see cref="MoodAim"/>), "nearest" is to the aim instead of the mood's point. When every track of
/// the mood was played recently, the one played longest ago comes back. Thread-safe. A library that cannot be opened
/// (damaged database) is logged once and has no tracks: playing by mood must not stop the app.
/// </summary>
/// <param name="nearest">A mood's analysed tracks, nearest to its point first (the library's <see cref="MusicLibrary.NearestTo"/>).</param>
/// <param name="options">NoRepeat and Nearest.</param>
/// <param name="random">Shuffling (seeded in tests).</param>
/// <param name="fileExists">Whether a path still exists (<see cref="File.Exists"/>).</param>
/// <param name="logger">Where a library that cannot be opened is reported.</param>
public sealed class MoodTrackPicker(
    Func<string, IReadOnlyList<TrackRecord>> nearest,
    LibraryOptions options,
    Random? random = null,
    Func<string, bool>? fileExists = null,
    ILogger<MoodTrackPicker>? logger = null) : IMoodTracks
{
    private readonly Random _random = random ?? Random.Shared;
    private readonly Func<string, bool> _exists = fileExists ?? File.Exists;
    private readonly ILogger _logger = logger ?? NullLogger<MoodTrackPicker>.Instance;
    private readonly Queue<long> _recent = new();
    private readonly Dictionary<long, long> _lastPlayed = [];
    private readonly Lock _gate = new();
    private long _plays;
    private bool _warned;

    /// <summary>The tracks played, in order (diagnostics and tests).</summary>
    public IReadOnlyCollection<long> Recent
    {
        get
        {
            lock (_gate) return [.. _recent];
        }
    }

    /// <inheritdoc />
    public bool HasTracks(string mood) => Candidates(mood).Count > 0;

    /// <inheritdoc />
    public string? Next(string mood, AffectPoint? aim = null)
    {
        var candidates = Candidates(mood);
        if (candidates.Count == 0) return null;
        if (aim is { } target) candidates = [.. candidates.OrderBy(c => target.DistanceTo(c.Point)).ThenBy(c => c.Id)];
        lock (_gate)
        {
            var fresh = candidates.Where(c => !_recent.Contains(c.Id)).Take(options.Nearest).ToList();
            var (id, path, _) = fresh.Count > 0
                ? fresh[_random.Next(fresh.Count)]
                : candidates.MinBy(c => _lastPlayed.GetValueOrDefault(c.Id));
            _lastPlayed[id] = ++_plays;
            _recent.Enqueue(id);
            while (_recent.Count > options.NoRepeat) _recent.Dequeue();
            return path;
        }
    }

    // The mood's tracks with a path that still exists, nearest first.
    private List<(long Id, string Path, AffectPoint Point)> Candidates(string mood)
    {
        IReadOnlyList<TrackRecord> tracks;
        try
        {
            tracks = nearest(mood);
        }
        catch (LibraryStoreException e)
        {
            lock (_gate)
            {
                if (!_warned) _logger.LogWarning("The music library cannot be used for playing by mood: {Message}", e.Message);
                _warned = true;
            }
            return [];
        }

        var found = new List<(long, string, AffectPoint)>(tracks.Count);
        foreach (var t in tracks)
        {
            if (t.Paths.FirstOrDefault(_exists) is { } path) found.Add((t.Id, path, new AffectPoint(t.Valence ?? 0, t.Arousal ?? 0)));
        }
        return found;
    }
}
