using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrpheusLive.Api.Contracts;
using OrpheusLive.Api.Live;
using OrpheusLive.Library;
using OrpheusLive.Library.Scanning;
using OrpheusLive.Library.Storage;

namespace OrpheusLive.Api.Scans;

/// <summary>
/// Library scans started over the API (<c>POST /api/library/scan</c>): one at a time, run in the background with the
/// same <see cref="MusicLibrary.ScanAsync"/> as <c>orpheus library scan</c>, the current or last one kept for
/// <c>GET /api/library/scan</c>. As a hosted service it stops a running scan when the server stops (the scanner
/// finishes the files in hand; the next scan resumes) and waits for it, so the database is never left mid-write.
/// </summary>
/// <param name="library">The app's library, or null when this server has none.</param>
/// <param name="feed">The event stream progress goes to (<c>event: library-scan</c>, a few per second and the end).</param>
/// <param name="time">Clock for the start and end times and the progress throttle.</param>
/// <param name="logger">Where a failed scan's details go.</param>
public sealed class LibraryScans(Lazy<MusicLibrary>? library, LiveFeed feed, TimeProvider time, ILogger<LibraryScans> logger) : IHostedService, IDisposable
{
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stopping = new();
    private LibraryScanRun? _current;

    /// <summary>The running or last scan, or null when none has been started since the server started.</summary>
    public LibraryScanResponse? Current => Volatile.Read(ref _current)?.Snapshot();

    /// <summary>
    /// Starts a scan of <paramref name="folders"/> (full paths, checked by the caller) and returns it as it is now.
    /// The folders are walked before this returns; the files are analysed in the background.
    /// </summary>
    /// <exception cref="LibraryBusyException">A scan is running, here or in another process (the <c>library scan</c> command).</exception>
    /// <exception cref="LibraryStoreException">There is no library, or it cannot be opened.</exception>
    /// <exception cref="InvalidOperationException">The server is stopping.</exception>
    public LibraryScanResponse Start(IReadOnlyList<string> folders)
    {
        ArgumentNullException.ThrowIfNull(folders);
        lock (_gate)
        {
            if (_stopping.IsCancellationRequested) throw new InvalidOperationException("The server is stopping; start the scan again after it restarts.");
            if (_current is { Done: false } running)
            {
                throw new LibraryBusyException($"The library is busy (scan {running.Id} is running); GET /api/library/scan shows its progress; try again when it has finished.", Environment.ProcessId);
            }

            var lib = library?.Value ?? throw new LibraryStoreException("This server has no music library; run `orpheus serve` from the app.");
            var run = new LibraryScanRun(Guid.NewGuid().ToString("N")[..12], folders, time, scan => feed.Announce(new LibraryScanEvent(scan)));
            var scan = lib.ScanAsync(folders, run, run.Count, _stopping.Token);
            if (scan.IsFaulted && scan.Exception.InnerException is LibraryBusyException busy)
            {
                throw busy; // the lock is taken before the scanner's first await: another process is scanning
            }

            run.Completion = RecordAsync(run, scan);
            Volatile.Write(ref _current, run);
            return run.Snapshot();
        }
    }

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Stops a running scan and waits until it has written what it finished.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        LibraryScanRun? run;
        lock (_gate)
        {
            _stopping.Cancel();
            run = _current;
        }

        if (run is not null)
        {
            await run.Completion.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _stopping.Dispose();

    private async Task RecordAsync(LibraryScanRun run, Task<ScanSummary> scan)
    {
        try
        {
            var summary = await scan.ConfigureAwait(false);
            run.Finish(summary);
            logger.LogInformation("Library scan {ScanId}: {Analysed} analysed, {Cached} cached, {Failed} failed{Cancelled}",
                run.Id, summary.Analysed, summary.Cached, summary.Failed, summary.Cancelled ? " (cancelled)" : "");
        }
        catch (Exception e)
        {
            logger.LogError(e, "Library scan {ScanId} failed", run.Id);
            run.Fail(e is LibraryStoreException or LibraryBusyException ? e.Message : "The scan failed; the server log has the details.");
        }
    }
}
