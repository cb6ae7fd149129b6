using OrpheusLive.Library.Storage;

namespace OrpheusLive.Library.Scanning;

/// <summary>What a scan did (the <c>{"type":"summary",…}</c> line).</summary>
public sealed record ScanSummary
{
    /// <summary>Files analysed now.</summary>
    public int Analysed { get; init; }

    /// <summary>Files served from the library.</summary>
    public int Cached { get; init; }

    /// <summary>Files that failed.</summary>
    public int Failed { get; init; }

    /// <summary>Wall-clock seconds of the scan.</summary>
    public double Seconds { get; init; }

    /// <summary>Seconds of audio analysed now (cached files not counted): divided by <see cref="Seconds"/>, the speed.</summary>
    public double AudioSeconds { get; init; }

    /// <summary>Audio files found.</summary>
    public int FilesFound { get; init; }

    /// <summary>One line per folder that could not be read (missing, not a folder, no permission).</summary>
    public IReadOnlyList<string> UnreadableFolders { get; init; } = [];

    /// <summary>True when not one of the folders could be read (the command then exits 1).</summary>
    public bool NoFolderReadable { get; init; }

    /// <summary>True when the scan was cancelled; what was finished is in the library and the next scan resumes.</summary>
    public bool Cancelled { get; init; }

    /// <summary>The clustering made after the scan (null when cancelled or nothing to cluster).</summary>
    public ClusteringInfo? Clustering { get; init; }
}
