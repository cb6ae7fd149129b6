namespace OrpheusLive.Core.Pipeline.State;

/// <summary>Per-window processing time (speech gate + model) over the most recent windows.</summary>
/// <param name="Windows">How many windows the percentiles cover.</param>
/// <param name="P50Ms">Median, in milliseconds.</param>
/// <param name="P95Ms">95th percentile, in milliseconds.</param>
public sealed record LatencySummary(int Windows, double P50Ms, double P95Ms)
{
    /// <summary>How many recent windows the percentiles cover at most.</summary>
    public const int Capacity = 50;

    /// <summary>No window yet.</summary>
    public static LatencySummary Empty { get; } = new(0, 0, 0);

    /// <summary>
    /// The latencies the percentiles are computed from, oldest first (at most <see cref="Capacity"/>). Added to the first
    /// contract so the reducer stays pure: the next summary is computed from this one, with no hidden buffer.
    /// </summary>
    public IReadOnlyList<double> RecentMs { get; init; } = [];

    /// <summary>The summary with one more window's latency (non-finite values are ignored); nearest-rank percentiles.</summary>
    public LatencySummary Add(double latencyMs)
    {
        if (!double.IsFinite(latencyMs))
        {
            return this;
        }

        var keep = Math.Min(RecentMs.Count, Capacity - 1);
        var recent = new double[keep + 1];
        for (var i = 0; i < keep; i++)
        {
            recent[i] = RecentMs[RecentMs.Count - keep + i];
        }

        recent[keep] = Math.Max(0, latencyMs);
        var sorted = (double[])recent.Clone();
        Array.Sort(sorted);
        return new LatencySummary(sorted.Length, Rank(sorted, 0.50), Rank(sorted, 0.95)) { RecentMs = recent };
    }

    private static double Rank(double[] sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
