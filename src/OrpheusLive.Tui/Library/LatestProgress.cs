namespace OrpheusLive.Tui.Library;

/// <summary>
/// Keeps only the latest progress report (from any thread) for a timer on the UI thread to draw: a scan reports per
/// file, the screen redraws a few times a second, and nothing queues up in between.
/// </summary>
internal sealed class LatestProgress : IProgress<LibraryScanProgress>
{
    private LibraryScanProgress? _latest;

    /// <summary>The latest report, or null before the first.</summary>
    public LibraryScanProgress? Latest => Volatile.Read(ref _latest);

    /// <inheritdoc />
    public void Report(LibraryScanProgress value) => Volatile.Write(ref _latest, value);
}
