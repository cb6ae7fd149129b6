namespace OrpheusLive.Library.Analysis;

/// <summary>Mean and standard deviation of a stream of values in O(1) memory (Welford's algorithm, double precision).</summary>
internal struct RunningStats
{
    private long _count;
    private double _mean;
    private double _m2;

    /// <summary>Values added.</summary>
    public readonly long Count => _count;

    /// <summary>The mean (0 when empty).</summary>
    public readonly double Mean => _count == 0 ? 0 : _mean;

    /// <summary>The population standard deviation (0 with fewer than two values).</summary>
    public readonly double StdDev => _count < 2 ? 0 : Math.Sqrt(_m2 / _count);

    /// <summary>Adds a value.</summary>
    public void Add(double x)
    {
        _count++;
        var delta = x - _mean;
        _mean += delta / _count;
        _m2 += delta * (x - _mean);
    }
}
