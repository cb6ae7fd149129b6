using OrpheusLive.Library.Analysis;

namespace OrpheusLive.Library.Storage;

/// <summary>One track of the library: a distinct file content (by SHA-256), with every path it was seen at.</summary>
public sealed record TrackRecord
{
    /// <summary>Row id (stable while the track is in the library).</summary>
    public long Id { get; init; }

    /// <summary>SHA-256 of the file's bytes, hex: a renamed or moved file keeps it.</summary>
    public required string Hash { get; init; }

    /// <summary>Analysed or failed.</summary>
    public TrackStatus Status { get; init; }

    /// <summary>Why analysis failed (one line naming the file), for <see cref="TrackStatus.Failed"/>.</summary>
    public string? Error { get; init; }

    /// <summary>The decoder's error kind (<c>Truncated</c>, <c>NotAudio</c>, …) for failures.</summary>
    public string? ErrorKind { get; init; }

    /// <summary>The format that decoded it ("Ogg Vorbis").</summary>
    public string? Format { get; init; }

    /// <summary>Decoded length in seconds.</summary>
    public double? DurationSeconds { get; init; }

    /// <summary>Tempo in BPM.</summary>
    public double? TempoBpm { get; init; }

    /// <summary>Valence in [-1, 1].</summary>
    public double? Valence { get; init; }

    /// <summary>Arousal in [-1, 1].</summary>
    public double? Arousal { get; init; }

    /// <summary>The mood nearest to the track's point.</summary>
    public string? Mood { get; init; }

    /// <summary>The k-means cluster (0-based), after the last clustering.</summary>
    public int? Cluster { get; init; }

    /// <summary>First principal component of the standardised features (the map's x).</summary>
    public double? MapX { get; init; }

    /// <summary>Second principal component (the map's y).</summary>
    public double? MapY { get; init; }

    /// <summary>All features.</summary>
    public TrackFeatures? Features { get; init; }

    /// <summary>When it was analysed (UTC).</summary>
    public DateTimeOffset AnalysedAt { get; init; }

    /// <summary>The <see cref="TrackAnalyzer.Version"/> that analysed it.</summary>
    public int AnalyserVersion { get; init; }

    /// <summary>Every path the content was seen at (sorted).</summary>
    public IReadOnlyList<string> Paths { get; init; } = [];
}
