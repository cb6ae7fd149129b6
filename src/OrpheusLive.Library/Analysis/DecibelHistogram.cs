namespace OrpheusLive.Library.Analysis;

/// <summary>
/// A histogram of decibel values in fixed 0.1 dB bins over [<see cref="Floor"/>, <see cref="Ceiling"/>), keeping the
/// count and the sum of linear powers per bin: percentiles and gated power means of any-length audio in O(1) memory
/// (the way libebur128's histogram mode does it).
/// </summary>
internal sealed class DecibelHistogram
{
    private const double BinWidth = 0.1;
    private readonly long[] _counts;
    private readonly double[] _powers;

    /// <summary>Creates the histogram.</summary>
    public DecibelHistogram(double floor, double ceiling)
    {
        Floor = floor;
        Ceiling = ceiling;
        var bins = (int)Math.Ceiling((ceiling - floor) / BinWidth);
        _counts = new long[bins];
        _powers = new double[bins];
    }

    /// <summary>Lowest value kept; lower values are dropped (an absolute gate).</summary>
    public double Floor { get; }

    /// <summary>Values at or above this are counted in the top bin.</summary>
    public double Ceiling { get; }

    /// <summary>Values kept.</summary>
    public long Count { get; private set; }

    /// <summary>Adds a value in dB with its linear power; values below <see cref="Floor"/> are dropped.</summary>
    public void Add(double decibels, double power)
    {
        if (!(decibels >= Floor)) return;
        var bin = Math.Min(_counts.Length - 1, (int)((decibels - Floor) / BinWidth));
        _counts[bin]++;
        _powers[bin] += power;
        Count++;
    }

    /// <summary>The mean linear power of the values at or above <paramref name="gate"/> dB, and how many there were.</summary>
    public (double MeanPower, long Count) MeanPowerAbove(double gate)
    {
        var first = Math.Clamp((int)Math.Ceiling((gate - Floor) / BinWidth), 0, _counts.Length);
        double sum = 0;
        long count = 0;
        for (var b = first; b < _counts.Length; b++)
        {
            sum += _powers[b];
            count += _counts[b];
        }
        return (count == 0 ? 0 : sum / count, count);
    }

    /// <summary>The value below which <paramref name="fraction"/> of the values at or above <paramref name="gate"/> lie (bin centre).</summary>
    public double Percentile(double fraction, double gate = double.NegativeInfinity)
    {
        var first = Math.Clamp((int)Math.Ceiling((gate - Floor) / BinWidth), 0, _counts.Length);
        long total = 0;
        for (var b = first; b < _counts.Length; b++) total += _counts[b];
        if (total == 0) return Floor;
        var target = fraction * (total - 1);
        long seen = 0;
        for (var b = first; b < _counts.Length; b++)
        {
            seen += _counts[b];
            if (seen > target) return Floor + (b + 0.5) * BinWidth;
        }
        return Ceiling;
    }
}
