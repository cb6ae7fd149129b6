using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;

namespace OrpheusLive.Benchmarks;

/// <summary>Adds p50/p95/max columns: latency targets are stated as percentiles.</summary>
public sealed class PercentileConfig : ManualConfig
{
    public PercentileConfig()
    {
        AddColumn(StatisticColumn.P50, StatisticColumn.P95, StatisticColumn.Max);
    }
}
