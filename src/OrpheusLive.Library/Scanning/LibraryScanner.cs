using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OrpheusLive.Audio.Decoding;
using OrpheusLive.Core.Moods;
using OrpheusLive.Library.Analysis;
using OrpheusLive.Library.Clustering;
using OrpheusLive.Library.Emotion;
using OrpheusLive.Library.Storage;

namespace OrpheusLive.Library.Scanning;

/// <summary>
/// Walks folders and brings the library up to date: every audio file is recognised by path + size + modification time
/// (no read at all), else by its content hash (a moved or renamed file: linked, not analysed), else decoded and analysed
/// — in parallel over the cores with one <see cref="TrackAnalyzer"/> per worker. Each result is committed as soon as it
/// is known, so a cancelled scan (Ctrl+C, SIGTERM) keeps all finished work and the next scan resumes where it stopped.
/// A file that cannot be read or decoded is recorded as failed with its reason and the scan goes on. After a complete
/// scan the library is re-clustered. Only one scan runs per library at a time (<see cref="ScanLock"/>).
/// </summary>
public sealed class LibraryScanner(
    LibraryStore store,
    IAudioDecoder decoder,
    LibraryOptions options,
    ValenceArousalModel? model = null,
    MoodPlane? plane = null,
    IReadOnlyList<string>? moods = null,
    TimeProvider? time = null,
    ILogger<LibraryScanner>? logger = null)
{
    private readonly ValenceArousalModel _model = model ?? ValenceArousalModel.Default;
    private readonly MoodPlane _plane = plane ?? MoodPlane.Default;
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly ILogger _logger = logger ?? NullLogger<LibraryScanner>.Instance;

    /// <summary>Scans <paramref name="folders"/>. Failed files are logged at Debug only: the caller reports each result (<paramref name="onResult"/>).</summary>
    /// <param name="folders">Folders to walk (recursively).</param>
    /// <param name="progress">Progress, after each file.</param>
    /// <param name="onResult">Called once per file, from worker threads (one at a time).</param>
    /// <param name="cancellationToken">Stops the scan cleanly: the summary comes back with <see cref="ScanSummary.Cancelled"/>.</param>
    /// <exception cref="LibraryBusyException">Another scan of this library is running.</exception>
    /// <exception cref="LibraryStoreException">The database failed.</exception>
    public async Task<ScanSummary> ScanAsync(IReadOnlyList<string> folders, IProgress<ScanProgress>? progress = null,
        Action<ScanResult>? onResult = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(folders);
        using var scanLock = ScanLock.Acquire(store.Path);
        var started = _time.GetTimestamp();
        var (files, walked, unreadable) = FindAudioFiles(folders);
        store.RememberFolders(walked, _time.GetUtcNow()); // what a rescan walks again
        var counts = new Counts();
        var results = new Lock();
        var total = files.Count;
        var queue = Channel.CreateBounded<string>(new BoundedChannelOptions(64) { SingleWriter = true });

        var producer = Task.Run(async () =>
        {
            try
            {
                foreach (var f in files)
                {
                    if (cancellationToken.IsCancellationRequested) break;
                    await queue.Writer.WriteAsync(f, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or ChannelClosedException)
            {
                // cancelled, or a worker failed and closed the queue (its exception surfaces from the workers)
            }
            finally
            {
                queue.Writer.TryComplete();
            }
        }, CancellationToken.None);

        var workers = Enumerable.Range(0, Math.Max(1, Math.Min(options.EffectiveParallelism, Math.Max(1, total)))).Select(_ => Task.Run(async () =>
        {
            var analyzer = new TrackAnalyzer(options.Analysis);
            await foreach (var file in queue.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
            {
                if (cancellationToken.IsCancellationRequested) continue; // drain without working
                ScanResult result;
                try
                {
                    result = Process(file, analyzer, cancellationToken, out var analysedSeconds);
                    lock (results) counts.AudioSeconds += analysedSeconds;
                }
                catch (OperationCanceledException)
                {
                    continue; // not finished: not recorded; the next scan does it
                }
                catch (Exception e)
                {
                    queue.Writer.TryComplete(e); // the database failed: stop feeding; the exception ends the scan
                    throw;
                }
                lock (results)
                {
                    switch (result.Status)
                    {
                        case ScanStatus.Analysed: counts.Analysed++; break;
                        case ScanStatus.Cached: counts.Cached++; break;
                        default: counts.Failed++; break;
                    }
                    onResult?.Invoke(result);
                    progress?.Report(new ScanProgress(counts.Analysed + counts.Cached + counts.Failed, total, counts.AudioSeconds, file));
                }
            }
        }, CancellationToken.None)).ToArray();

        await producer.ConfigureAwait(false);
        await Task.WhenAll(workers).ConfigureAwait(false);

        var cancelled = cancellationToken.IsCancellationRequested;
        ClusteringInfo? clustering = null;
        if (!cancelled && counts.Analysed > 0 || !cancelled && store.Clustering is null)
        {
            clustering = Recluster();
        }
        progress?.Report(new ScanProgress(counts.Analysed + counts.Cached + counts.Failed, total, counts.AudioSeconds, null));
        return new ScanSummary
        {
            Analysed = counts.Analysed,
            Cached = counts.Cached,
            Failed = counts.Failed,
            AudioSeconds = counts.AudioSeconds,
            Seconds = _time.GetElapsedTime(started).TotalSeconds,
            FilesFound = total,
            UnreadableFolders = unreadable,
            NoFolderReadable = folders.Count > 0 && unreadable.Count == folders.Count,
            Cancelled = cancelled,
            Clustering = clustering ?? (cancelled ? null : store.Clustering),
        };
    }

    /// <summary>Clusters the analysed tracks again and stores the clusters and map positions.</summary>
    public ClusteringInfo? Recluster()
    {
        var tracks = store.ListTracks(status: TrackStatus.Analysed).Where(t => t.Features is not null).ToList();
        if (tracks.Count == 0) return null;
        var result = new LibraryClusterer().Cluster([.. tracks.Select(t => t.Features!.ToVector())], options.MaxClusters);
        var info = new ClusteringInfo(result.K, result.Silhouette, tracks.Count, _time.GetUtcNow());
        store.SaveClustering([.. tracks.Select((t, i) => (t.Id, result.Clusters[i], result.Map[i].X, result.Map[i].Y))], info);
        _logger.LogDebug("Clustered {Tracks} tracks into {K} clusters (silhouette {Silhouette:0.00})", tracks.Count, result.K, result.Silhouette);
        return info;
    }

    private ScanResult Process(string path, TrackAnalyzer analyzer, CancellationToken cancellationToken, out double analysedSeconds)
    {
        analysedSeconds = 0;
        FileInfo info;
        string hash;
        try
        {
            info = new FileInfo(path);
            var size = info.Length;
            var modified = info.LastWriteTimeUtc.Ticks;
            var known = store.GetFile(path);
            if (known is not null && known.Size == size && known.ModifiedTicks == modified && store.GetTrack(known.TrackId) is { } cached && IsCurrent(cached))
                return FromTrack(path, cached, ScanStatus.Cached);

            hash = FileHasher.Hash(path, cancellationToken);
            var entry = new FileEntry(path, 0, size, modified);
            if (store.FindByHash(hash) is { } same && IsCurrent(same))
            {
                store.Link(entry with { TrackId = same.Id });
                ForgetVanishedPaths(same, path);
                var linked = store.GetTrack(same.Id) ?? same;
                return FromTrack(path, linked with { Paths = [.. linked.Paths.Union(same.Paths)] }, ScanStatus.Cached);
            }

            var track = Analyse(path, hash, analyzer, cancellationToken);
            var id = store.Save(track, entry);
            if (track.Status == TrackStatus.Analysed) analysedSeconds = track.DurationSeconds ?? 0;
            return FromTrack(path, track with { Id = id }, track.Status == TrackStatus.Analysed ? ScanStatus.Analysed : ScanStatus.Failed);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _logger.LogDebug("Cannot read {Path}: {Message}", path, e.Message);
            return new ScanResult { Path = path, Status = ScanStatus.Failed, ErrorKind = nameof(AudioDecodeErrorKind.Unreadable), Error = $"'{path}' cannot be read: {e.Message}" };
        }
    }

    private TrackRecord Analyse(string path, string hash, TrackAnalyzer analyzer, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        try
        {
            var features = analyzer.AnalyzeFile(decoder, path, cancellationToken);
            var point = _model.Estimate(features);
            return new TrackRecord
            {
                Hash = hash,
                Status = TrackStatus.Analysed,
                Format = FormatName(path),
                DurationSeconds = features.DurationSeconds,
                TempoBpm = features.TempoBpm,
                Valence = point.Valence,
                Arousal = point.Arousal,
                Mood = _plane.NearestMood(point, moods),
                Features = features,
                AnalysedAt = now,
                AnalyserVersion = TrackAnalyzer.Version,
            };
        }
        catch (AudioDecodeException e)
        {
            _logger.LogDebug("Not analysed: {Message}", e.Message);
            return new TrackRecord { Hash = hash, Status = TrackStatus.Failed, Error = e.Message, ErrorKind = e.Kind.ToString(), AnalysedAt = now, AnalyserVersion = TrackAnalyzer.Version };
        }
    }

    private string? FormatName(string path)
    {
        try
        {
            return (decoder as AudioDecoder)?.FormatOf(path).Name;
        }
        catch (AudioDecodeException)
        {
            return null;
        }
    }

    // A track found by hash at a new path whose old paths are gone was moved or renamed: forget the old paths.
    private void ForgetVanishedPaths(TrackRecord track, string newPath)
    {
        foreach (var old in track.Paths)
        {
            if (old != newPath && !File.Exists(old)) store.Forget(old);
        }
    }

    private static bool IsCurrent(TrackRecord track) => track.AnalyserVersion == TrackAnalyzer.Version;

    private static ScanResult FromTrack(string path, TrackRecord t, ScanStatus status) => new()
    {
        Path = path,
        Status = t.Status == TrackStatus.Failed ? ScanStatus.Failed : status,
        Error = StoredError.For(t.Error, path, t.Paths),
        ErrorKind = t.ErrorKind,
        TrackId = t.Id,
        DurationSeconds = t.DurationSeconds,
        TempoBpm = t.TempoBpm,
        Valence = t.Valence,
        Arousal = t.Arousal,
        Mood = t.Mood,
    };

    private (List<string> Files, List<string> Walked, List<string> Unreadable) FindAudioFiles(IReadOnlyList<string> folders)
    {
        var extensions = new HashSet<string>(decoder.Formats.SelectMany(f => f.Extensions), StringComparer.OrdinalIgnoreCase);
        var files = new SortedSet<string>(StringComparer.Ordinal);
        var walked = new List<string>();
        var unreadable = new List<string>();
        var walk = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.System };
        foreach (var folder in folders)
        {
            var full = Path.GetFullPath(folder);
            if (!Directory.Exists(full))
            {
                unreadable.Add(File.Exists(full) ? $"'{full}' is a file, not a folder." : $"The folder '{full}' does not exist.");
                continue;
            }
            try
            {
                using (var probe = Directory.EnumerateFileSystemEntries(full).GetEnumerator()) probe.MoveNext(); // the root itself must be readable
                foreach (var f in Directory.EnumerateFiles(full, "*", walk))
                {
                    if (extensions.Contains(Path.GetExtension(f))) files.Add(f);
                }
                walked.Add(Path.TrimEndingDirectorySeparator(full));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                unreadable.Add($"The folder '{full}' cannot be read: {e.Message}");
            }
        }
        return ([.. files], walked, unreadable);
    }

    private sealed class Counts
    {
        public int Analysed;
        public int Cached;
        public int Failed;
        public double AudioSeconds;
    }
}
