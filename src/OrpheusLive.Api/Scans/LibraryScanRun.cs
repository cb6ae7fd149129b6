using OrpheusLive.Api.Contracts;
using OrpheusLive.Library.Scanning;

namespace OrpheusLive.Api.Scans;

/// <summary>
/// One scan the API started: counts as the scanner reports them (from its worker threads) and the end state. Reads
/// take a consistent snapshot under a lock; the scanner reports one file at a time, so the lock is never contended long.
/// </summary>
/// <param name="id">The scan's id.</param>
/// <param name="folders">The folders scanned.</param>
/// <param name="time">Clock for the start and end and for throttling <paramref name="announce"/>.</param>
/// <param name="announce">Where progress goes (the event stream): at most every <see cref="AnnounceInterval"/> while running, always at the end.</param>
internal sealed class LibraryScanRun(string id, IReadOnlyList<string> folders, TimeProvider time, Action<LibraryScanResponse> announce) : IProgress<ScanProgress>
{
    /// <summary>The shortest gap between two progress events (a few per second).</summary>
    public static readonly TimeSpan AnnounceInterval = TimeSpan.FromMilliseconds(250);

    private readonly Lock _gate = new();
    private readonly DateTimeOffset _startedAt = time.GetUtcNow();
    private long _lastAnnounced = long.MinValue;
    private int _total;
    private int _analysed;
    private int _cached;
    private int _failed;
    private double _audioSeconds;
    private string _state = "running";
    private double? _seconds;
    private IReadOnlyList<string> _unreadable = [];
    private string? _error;
    private DateTimeOffset? _finishedAt;

    /// <summary>The scan's id.</summary>
    public string Id => id;

    /// <summary>True once the scan has ended.</summary>
    public bool Done
    {
        get
        {
            lock (_gate) return _finishedAt is not null;
        }
    }

    /// <summary>The task that records the end (awaited on shutdown).</summary>
    public Task Completion { get; set; } = Task.CompletedTask;

    /// <summary>Counts one finished file.</summary>
    public void Count(ScanResult result)
    {
        lock (_gate)
        {
            switch (result.Status)
            {
                case ScanStatus.Analysed: _analysed++; break;
                case ScanStatus.Cached: _cached++; break;
                default: _failed++; break;
            }
        }
    }

    /// <inheritdoc />
    public void Report(ScanProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var now = time.GetTimestamp();
        bool due;
        lock (_gate)
        {
            _total = value.FilesTotal;
            _audioSeconds = value.AudioSeconds;
            due = _lastAnnounced == long.MinValue || time.GetElapsedTime(_lastAnnounced, now) >= AnnounceInterval;
            if (due) _lastAnnounced = now;
        }

        if (due) announce(Snapshot());
    }

    /// <summary>Records the scanner's summary (done, or cancelled when the server stopped).</summary>
    public void Finish(ScanSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var at = time.GetUtcNow();
        lock (_gate)
        {
            _state = summary.Cancelled ? "cancelled" : "done";
            (_total, _analysed, _cached, _failed) = (summary.FilesFound, summary.Analysed, summary.Cached, summary.Failed);
            _audioSeconds = summary.AudioSeconds;
            _seconds = summary.Seconds;
            _unreadable = summary.UnreadableFolders;
            _finishedAt = at;
        }

        announce(Snapshot());
    }

    /// <summary>Records a scan that ended with an error (the database failed).</summary>
    public void Fail(string error)
    {
        var at = time.GetUtcNow();
        lock (_gate)
        {
            _state = "failed";
            _error = error;
            _seconds = (at - _startedAt).TotalSeconds;
            _finishedAt = at;
        }

        announce(Snapshot());
    }

    /// <summary>The scan as the API answers it.</summary>
    public LibraryScanResponse Snapshot()
    {
        lock (_gate)
        {
            return new LibraryScanResponse(id, _state, _finishedAt is not null, folders, _total, _analysed, _cached, _failed,
                Math.Round(_audioSeconds, 3), _seconds is { } s ? Math.Round(s, 3) : null, _unreadable, _error, _startedAt, _finishedAt);
        }
    }
}
