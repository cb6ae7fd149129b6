namespace OrpheusLive.Api.Contracts;

/// <summary>Per-window processing time (speech gate + model) over the recent speech windows.</summary>
/// <param name="Windows">How many windows the percentiles cover.</param>
/// <param name="P50Ms">Median, in milliseconds.</param>
/// <param name="P95Ms">95th percentile, in milliseconds.</param>
public sealed record LatencyResponse(int Windows, double P50Ms, double P95Ms);
