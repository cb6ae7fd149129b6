using Microsoft.Extensions.Logging;
using OrpheusLive.Audio.Decoding;
using OrpheusLive.Core.Moods;
using OrpheusLive.Library.Emotion;
using OrpheusLive.Library.Map;
using OrpheusLive.Library.Scanning;
using OrpheusLive.Library.Storage;

namespace OrpheusLive.Library;

/// <summary>
/// The music library engine in one place, for the <c>library</c> commands, the player and the API: scan folders,
/// list tracks (by mood), get one, forget a path, prune removed files, draw the map. Owns the database connection.
/// </summary>
public sealed class MusicLibrary : IDisposable
{
    private readonly LibraryScanner _scanner;

    private MusicLibrary(LibraryStore store, LibraryScanner scanner, MoodPlane plane)
    {
        Store = store;
        _scanner = scanner;
        Plane = plane;
    }

    /// <summary>The database.</summary>
    public LibraryStore Store { get; }

    /// <summary>The mood points tracks are placed by.</summary>
    public MoodPlane Plane { get; }

    /// <summary>
    /// True once a scan has made the database of <paramref name="options"/>. <see cref="Open"/> creates one, so callers
    /// that only read (a listing, the player, a scan without a folder) ask this first and leave a never-scanned library
    /// uncreated.
    /// </summary>
    public static bool Exists(LibraryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return File.Exists(options.Database);
    }

    /// <summary>Opens the library of <paramref name="options"/>.</summary>
    /// <param name="options">Database path and analysis settings (validated here).</param>
    /// <param name="decoder">The app's decoder service.</param>
    /// <param name="plane">Mood points; <see cref="MoodPlane.Default"/> when null.</param>
    /// <param name="moods">The moods a track may get (the mapping's moods); every mood with a point when null.</param>
    /// <param name="time">Clock for timestamps and the scan's duration.</param>
    /// <param name="loggers">Logging.</param>
    /// <exception cref="ArgumentException">A setting is invalid (the message names it).</exception>
    /// <exception cref="LibraryStoreException">The database cannot be used.</exception>
    public static MusicLibrary Open(LibraryOptions options, IAudioDecoder decoder, MoodPlane? plane = null, IReadOnlyList<string>? moods = null,
        TimeProvider? time = null, ILoggerFactory? loggers = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(decoder);
        options.Validate();
        plane ??= MoodPlane.Default;
        var store = LibraryStore.Open(options.Database);
        var scanner = new LibraryScanner(store, decoder, options, ValenceArousalModel.Default, plane, moods, time, loggers?.CreateLogger<LibraryScanner>());
        return new MusicLibrary(store, scanner, plane);
    }

    /// <summary>Scans folders (see <see cref="LibraryScanner.ScanAsync"/>).</summary>
    /// <exception cref="LibraryBusyException">Another scan of this library is running.</exception>
    public Task<ScanSummary> ScanAsync(IReadOnlyList<string> folders, IProgress<ScanProgress>? progress = null, Action<ScanResult>? onResult = null,
        CancellationToken cancellationToken = default) => _scanner.ScanAsync(folders, progress, onResult, cancellationToken);

    /// <summary>Every track, or those of <paramref name="mood"/> (analysed ones only then), by id.</summary>
    public IReadOnlyList<TrackRecord> List(string? mood = null) =>
        mood is null ? Store.ListTracks() : Store.ListTracks(mood, TrackStatus.Analysed);

    /// <summary>
    /// The analysed tracks of <paramref name="mood"/> nearest to the mood's point first (what the player walks), or an
    /// empty list when the mood has no point or no tracks.
    /// </summary>
    public IReadOnlyList<TrackRecord> NearestTo(string mood)
    {
        if (Plane.PointOf(mood) is not { } point) return [];
        return [.. Store.ListTracks(mood, TrackStatus.Analysed).OrderBy(t => point.DistanceTo(new AffectPoint(t.Valence ?? 0, t.Arousal ?? 0))).ThenBy(t => t.Id)];
    }

    /// <summary>
    /// The folders a rescan walks: the top-most existing ones among the folders scans were asked to walk and the folders
    /// the library's files are in (a library scanned before it remembered folders knows only the latter), sorted; a
    /// folder inside another one is left out, since walking the outer one covers it.
    /// </summary>
    public IReadOnlyList<string> Folders() =>
        TopMostExisting(Store.Folders().Concat(List().SelectMany(t => t.Paths).Select(System.IO.Path.GetDirectoryName).OfType<string>()));

    /// <summary>The top-most existing folders of <paramref name="folders"/>, sorted (a folder inside another one is left out).</summary>
    public static IReadOnlyList<string> TopMostExisting(IEnumerable<string> folders)
    {
        ArgumentNullException.ThrowIfNull(folders);
        var existing = folders
            .Distinct(StringComparer.Ordinal)
            .Where(Directory.Exists)
            .Order(StringComparer.Ordinal)
            .ToList();
        var top = new List<string>();
        foreach (var folder in existing)
        {
            if (!top.Any(parent => folder.StartsWith(parent.TrimEnd(System.IO.Path.DirectorySeparatorChar) + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal)))
            {
                top.Add(folder);
            }
        }

        return top;
    }

    /// <summary>One track, or null.</summary>
    public TrackRecord? Get(long id) => Store.GetTrack(id);

    /// <summary>Forgets a path (full path); false when unknown.</summary>
    public bool Forget(string path) => Store.Forget(System.IO.Path.GetFullPath(path));

    /// <summary>Forgets files that no longer exist; returns their paths.</summary>
    public IReadOnlyList<string> Prune() => Store.Prune();

    /// <summary>Clusters the library again (a scan does this itself).</summary>
    public ClusteringInfo? Recluster() => _scanner.Recluster();

    /// <summary>Draws the map to a .png or .svg file.</summary>
    public void RenderMap(string path, int width = 1600, int height = 800) => LibraryMap.Render(Store.ListTracks(), path, Plane, width, height);

    /// <inheritdoc />
    public void Dispose() => Store.Dispose();
}
