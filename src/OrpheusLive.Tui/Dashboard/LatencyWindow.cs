namespace OrpheusLive.Tui.Dashboard;

/// <summary>The inference latencies of the most recent windows, with nearest-rank percentiles over them.</summary>
public sealed class LatencyWindow
{
    private readonly double[] _values;
    private int _next;

    /// <summary>Keeps the latest <paramref name="capacity"/> latencies.</summary>
    public LatencyWindow(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _values = new double[capacity];
    }

    /// <summary>How many latencies are held (at most the capacity).</summary>
    public int Count { get; private set; }

    /// <summary>Adds one latency in milliseconds; the oldest drops out when full. Non-finite values are ignored.</summary>
    public void Add(double milliseconds)
    {
        if (!double.IsFinite(milliseconds))
        {
            return;
        }

        _values[_next] = Math.Max(0, milliseconds);
        _next = (_next + 1) % _values.Length;
        Count = Math.Min(Count + 1, _values.Length);
    }

    /// <summary>The nearest-rank percentile (<paramref name="p"/> in 0..1) of the held latencies, or null when empty.</summary>
    public double? Percentile(double p)
    {
        if (Count == 0)
        {
            return null;
        }

        var sorted = _values.AsSpan(0, Count).ToArray();
        Array.Sort(sorted);
        var rank = (int)Math.Ceiling(Math.Clamp(p, 0, 1) * Count);
        return sorted[Math.Clamp(rank - 1, 0, Count - 1)];
    }
}
