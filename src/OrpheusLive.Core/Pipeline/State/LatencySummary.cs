namespace OrpheusLive.Core.Pipeline.State;

/// <summary>Per-window processing time (speech gate + model) over the most recent windows.</summary>
/// <param name="Windows">How many windows the percentiles cover.</param>
/// <param name="P50Ms">Median, in milliseconds.</param>
/// <param name="P95Ms">95th percentile, in milliseconds.</param>
public sealed record LatencySummary(int Windows, double P50Ms, double P95Ms)
{
    /// <summary>No window yet.</summary>
    public static LatencySummary Empty { get; } = new(0, 0, 0);
}
