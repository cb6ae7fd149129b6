namespace OrpheusLive.Library.Scanning;

/// <summary>How far a scan is (for a progress bar).</summary>
/// <param name="FilesDone">Files finished (any status).</param>
/// <param name="FilesTotal">Audio files found in the folders.</param>
/// <param name="AudioSeconds">Seconds of audio analysed so far in this scan.</param>
/// <param name="CurrentFile">A file being worked on now (null at the end).</param>
public sealed record ScanProgress(int FilesDone, int FilesTotal, double AudioSeconds, string? CurrentFile);
