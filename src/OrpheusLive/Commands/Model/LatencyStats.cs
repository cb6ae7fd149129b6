namespace OrpheusLive.Commands.Model;

/// <summary>Percentiles of a set of latency samples, in milliseconds.</summary>
/// <param name="P50">Median.</param>
/// <param name="P95">95th percentile.</param>
/// <param name="Max">Worst case.</param>
/// <param name="Mean">Average.</param>
/// <param name="Count">Number of samples.</param>
public sealed record LatencyStats(double P50, double P95, double Max, double Mean, int Count)
{
    /// <summary>Computes the statistics (nearest-rank percentiles).</summary>
    /// <exception cref="ArgumentException">No samples.</exception>
    public static LatencyStats From(IReadOnlyCollection<double> milliseconds)
    {
        ArgumentNullException.ThrowIfNull(milliseconds);
        if (milliseconds.Count == 0)
        {
            throw new ArgumentException("no samples", nameof(milliseconds));
        }

        var sorted = milliseconds.Order().ToArray();
        return new LatencyStats(Rank(sorted, 0.50), Rank(sorted, 0.95), sorted[^1], sorted.Average(), sorted.Length);
    }

    private static double Rank(double[] sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
