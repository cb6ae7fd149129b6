namespace OrpheusLive.Library.Scanning;

/// <summary>
/// One file's outcome, reported as soon as it is known (what <c>library scan --json</c> prints as a
/// <c>{"type":"track",…}</c> line).
/// </summary>
public sealed record ScanResult
{
    /// <summary>The file.</summary>
    public required string Path { get; init; }

    /// <summary>Analysed, cached or failed.</summary>
    public ScanStatus Status { get; init; }

    /// <summary>Why it failed: one line naming the file.</summary>
    public string? Error { get; init; }

    /// <summary>The decoder's error kind for failures (<c>Truncated</c>, <c>NotAudio</c>, <c>Unreadable</c>, …).</summary>
    public string? ErrorKind { get; init; }

    /// <summary>The track's id in the library (null for files that could not even be read).</summary>
    public long? TrackId { get; init; }

    /// <summary>Decoded length.</summary>
    public double? DurationSeconds { get; init; }

    /// <summary>Tempo.</summary>
    public double? TempoBpm { get; init; }

    /// <summary>Valence in [-1, 1].</summary>
    public double? Valence { get; init; }

    /// <summary>Arousal in [-1, 1].</summary>
    public double? Arousal { get; init; }

    /// <summary>The mood.</summary>
    public string? Mood { get; init; }
}
