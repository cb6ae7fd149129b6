namespace OrpheusLive.Tui.Library;

/// <summary>How far a rescan is, for the library view's progress bar.</summary>
/// <param name="FilesDone">Files finished (any outcome).</param>
/// <param name="FilesTotal">Audio files found in the folders.</param>
/// <param name="CurrentFile">A file being worked on now, or null.</param>
public sealed record LibraryScanProgress(int FilesDone, int FilesTotal, string? CurrentFile)
{
    /// <summary>The done part, 0 to 1 (0 while nothing was found yet).</summary>
    public float Fraction => FilesTotal <= 0 ? 0 : Math.Clamp(FilesDone / (float)FilesTotal, 0, 1);
}
