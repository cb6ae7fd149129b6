using System.Reactive.Linq;
using System.Reactive.Subjects;
using Microsoft.Extensions.Logging;
using OrpheusLive.Core.Moods;

namespace OrpheusLive.Storage;

/// <summary>
/// The mapping kept in files: the user's file when it exists and is valid, else the shipped default.
/// Saves go to the user's file atomically; edits made by another process (e.g. <c>orpheus map</c>) are picked up
/// by a file watcher. An invalid file never replaces the current good mapping, and a save never destroys a user's file
/// it could not use: an invalid one is kept as <c>moods.json.bak</c> first, an unreadable one is not replaced at all.
/// </summary>
public sealed class FileMoodMapStore : IMoodMapStore, IDisposable
{
    private readonly string _defaultFile;
    private readonly ILogger<FileMoodMapStore> _logger;
    private readonly Subject<MoodMap> _changes = new();
    private readonly SemaphoreSlim _saveLock = new(1, 1);
    private readonly FileSystemWatcher? _watcher;
    private readonly IDisposable? _watchSubscription;
    private MoodMap _current;
    private byte[]? _lastSaved;
    private int _disposed;

    /// <summary>Loads the mapping. Problems with the user's file are logged and reported in <see cref="LoadWarning"/>.</summary>
    /// <param name="options">Where the default and the user's mapping are.</param>
    /// <param name="targets">What the installed players accept as targets (checked on every load and save).</param>
    /// <param name="logger">Where load, save and reload problems are logged.</param>
    /// <param name="watch">Pick up edits of the user's file made by other processes.</param>
    /// <exception cref="MoodMapException">The default mapping itself is missing or invalid.</exception>
    public FileMoodMapStore(MoodMapOptions options, MoodTargetRules targets, ILogger<FileMoodMapStore> logger, bool watch = true)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(targets);
        if (options.Validate() is { } error)
        {
            throw new MoodMapException(error);
        }

        Targets = targets;
        _logger = logger;
        _defaultFile = UserPaths.ResolveAppPath(options.DefaultFile);
        UserFilePath = string.IsNullOrWhiteSpace(options.UserFile)
            ? Path.Combine(UserPaths.ConfigDirectory, "moods.json")
            : Path.GetFullPath(options.UserFile);

        _current = ReadFile(_defaultFile);
        if (File.Exists(UserFilePath))
        {
            try
            {
                _current = ReadFile(UserFilePath);
            }
            catch (MoodMapException e)
            {
                LoadWarning = $"{e.Message}. Using the default mapping until the file is fixed.";
                _logger.LogWarning("Mapping file is invalid, using the default mapping: {Problem}", e.Message);
            }
        }

        if (!watch)
        {
            return;
        }

        var directory = Path.GetDirectoryName(UserFilePath)!;
        if (!Directory.Exists(directory))
        {
            return; // Created on the first save; this process then knows about its own changes.
        }

        _watcher = new FileSystemWatcher(directory, Path.GetFileName(UserFilePath))
        {
            NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size,
        };
        _watchSubscription = Observable
            .Merge(
                Observable.FromEventPattern<FileSystemEventArgs>(_watcher, nameof(FileSystemWatcher.Changed)).Select(_ => 0),
                Observable.FromEventPattern<FileSystemEventArgs>(_watcher, nameof(FileSystemWatcher.Created)).Select(_ => 0),
                Observable.FromEventPattern<RenamedEventArgs>(_watcher, nameof(FileSystemWatcher.Renamed)).Select(_ => 0))
            .Throttle(TimeSpan.FromMilliseconds(250))
            .Subscribe(_ => ReloadFromDisk());
        _watcher.EnableRaisingEvents = true;
    }

    /// <inheritdoc />
    public MoodMap Current => Volatile.Read(ref _current);

    /// <inheritdoc />
    public IObservable<MoodMap> Changes => _changes.AsObservable();

    /// <inheritdoc />
    public string UserFilePath { get; }

    /// <inheritdoc />
    public MoodTargetRules Targets { get; }

    /// <summary>Set when the user's file could not be used at start-up; a plain-words warning.</summary>
    public string? LoadWarning { get; private set; }

    /// <summary>Where an invalid user file is kept when a save replaces it (<c>moods.json.bak</c> beside it).</summary>
    public string BackupFilePath => UserFilePath + ".bak";

    /// <inheritdoc />
    public async Task SaveAsync(MoodMap map, CancellationToken cancellationToken)
    {
        MoodMapSerializer.Validate(map, "mapping", Targets, mustExist: false);
        var bytes = MoodMapSerializer.Serialize(map);
        await _saveLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await KeepUnusableFileAsync(cancellationToken).ConfigureAwait(false);
            await AtomicFile.WriteAllBytesAsync(UserFilePath, bytes, ownerOnly: false, cancellationToken).ConfigureAwait(false);
            _lastSaved = bytes;
            LoadWarning = null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new MoodMapException($"Could not save the mapping to {UserFilePath}: {e.Message}. The previous mapping file is unchanged.", e);
        }
        finally
        {
            _saveLock.Release();
        }

        Publish(map);
        _logger.LogInformation("Saved the mapping to {Path}", UserFilePath);
    }

    /// <summary>Re-reads the user's file; keeps the current mapping when it is invalid. Returns the problem, if any.</summary>
    public string? ReloadFromDisk()
    {
        try
        {
            if (!File.Exists(UserFilePath))
            {
                return null;
            }

            var bytes = File.ReadAllBytes(UserFilePath);
            if (_lastSaved is not null && bytes.AsSpan().SequenceEqual(_lastSaved))
            {
                return null; // Our own save.
            }

            var map = MoodMapSerializer.Parse(System.Text.Encoding.UTF8.GetString(bytes), UserFilePath, Targets);
            _lastSaved = bytes;
            LoadWarning = null;
            Publish(map);
            _logger.LogInformation("Reloaded the mapping from {Path}", UserFilePath);
            return null;
        }
        catch (Exception e) when (e is MoodMapException or IOException or UnauthorizedAccessException)
        {
            _logger.LogWarning("Ignoring the changed mapping file, keeping the previous mapping: {Problem}", e.Message);
            return e.Message;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        // The container may hold this instance under two service types: dispose once.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _watchSubscription?.Dispose();
        _watcher?.Dispose();
        _changes.OnCompleted();
        _changes.Dispose();
        _saveLock.Dispose();
    }

    private void Publish(MoodMap map)
    {
        Volatile.Write(ref _current, map);
        _changes.OnNext(map);
    }

    /// <summary>
    /// Before a save replaces the user's file: an invalid one (hand-edited, half-written by another program) is copied to
    /// <see cref="BackupFilePath"/>, one that cannot be read stops the save. A valid file is simply replaced.
    /// </summary>
    /// <exception cref="IOException">The file cannot be read or the backup cannot be written; nothing was replaced.</exception>
    private async Task KeepUnusableFileAsync(CancellationToken cancellationToken)
    {
        byte[] existing;
        try
        {
            existing = await File.ReadAllBytesAsync(UserFilePath, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return;
        }
        catch (UnauthorizedAccessException e)
        {
            throw new IOException($"the existing file cannot be read ({e.Message}), so it is not replaced", e);
        }

        if (_lastSaved is not null && existing.AsSpan().SequenceEqual(_lastSaved))
        {
            return; // our own last save
        }

        try
        {
            MoodMapSerializer.Parse(System.Text.Encoding.UTF8.GetString(existing), UserFilePath, Targets);
            return;
        }
        catch (MoodMapException)
        {
            // Invalid: keep it for the user before it is replaced.
        }

        await AtomicFile.WriteAllBytesAsync(BackupFilePath, existing, ownerOnly: false, cancellationToken).ConfigureAwait(false);
        _logger.LogWarning("The mapping file {Path} was invalid; kept it as {Backup} before saving over it", UserFilePath, BackupFilePath);
    }

    private MoodMap ReadFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (FileNotFoundException)
        {
            throw new MoodMapException($"Mapping file not found: {path}");
        }
        catch (DirectoryNotFoundException)
        {
            throw new MoodMapException($"Mapping file not found: {path}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new MoodMapException($"Could not read the mapping file {path}: {e.Message}", e);
        }

        return MoodMapSerializer.Parse(text, path, Targets);
    }
}
