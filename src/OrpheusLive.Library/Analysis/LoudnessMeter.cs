namespace OrpheusLive.Library.Analysis;

/// <summary>
/// Integrated loudness and loudness range of a mono signal, BS.1770-4 / EBU R 128 style, streaming in O(1) memory:
/// K-weighting, 400 ms blocks every 100 ms, absolute gate −70 LUFS and relative gate −10 LU for the integrated value;
/// 3 s short-term loudness every 100 ms with gates −70 LUFS / −20 LU and the 10th–95th percentile spread for the range
/// (EBU Tech 3342). Gated means come from 0.1 dB histograms (as libebur128's histogram mode), so the result is within
/// ±0.05 LU of the exact one.
/// </summary>
/// <remarks>The analysed signal is the mono downmix, so a stereo file reads ~3 LU lower than a stereo meter would.</remarks>
internal sealed class LoudnessMeter
{
    private const int SubBlocksPerBlock = 4;      // 400 ms
    private const int SubBlocksPerShortTerm = 30; // 3 s
    private readonly KWeighting _filter;
    private readonly int _subBlockSamples;
    private readonly double[] _recent = new double[SubBlocksPerShortTerm]; // ring of sub-block mean squares
    private readonly DecibelHistogram _blocks = new(-70, 10);
    private readonly DecibelHistogram _shortTerm = new(-70, 10);
    private double _sum;
    private int _inSubBlock;
    private long _subBlocks;

    /// <summary>Creates the meter.</summary>
    public LoudnessMeter(int sampleRate)
    {
        _filter = new KWeighting(sampleRate);
        _subBlockSamples = sampleRate / 10;
    }

    /// <summary>Feeds samples.</summary>
    public void Process(ReadOnlySpan<float> samples)
    {
        foreach (var s in samples)
        {
            var y = _filter.Process(s);
            _sum += y * y;
            if (++_inSubBlock < _subBlockSamples) continue;
            _recent[_subBlocks % SubBlocksPerShortTerm] = _sum / _subBlockSamples;
            _subBlocks++;
            _sum = 0;
            _inSubBlock = 0;
            if (_subBlocks >= SubBlocksPerBlock) AddWindow(_blocks, SubBlocksPerBlock);
            if (_subBlocks >= SubBlocksPerShortTerm) AddWindow(_shortTerm, SubBlocksPerShortTerm);
        }
    }

    /// <summary>Integrated loudness in LUFS (−70 for silence).</summary>
    public double IntegratedLufs
    {
        get
        {
            var (absolute, n) = _blocks.MeanPowerAbove(-70);
            if (n == 0) return -70;
            var (gated, m) = _blocks.MeanPowerAbove(Lufs(absolute) - 10);
            return m == 0 ? -70 : Math.Max(-70, Lufs(gated));
        }
    }

    /// <summary>Loudness range in LU (0 for audio shorter than 3 s or silent).</summary>
    public double LoudnessRange
    {
        get
        {
            var (absolute, n) = _shortTerm.MeanPowerAbove(-70);
            if (n == 0) return 0;
            var gate = Lufs(absolute) - 20;
            return Math.Max(0, _shortTerm.Percentile(0.95, gate) - _shortTerm.Percentile(0.10, gate));
        }
    }

    private void AddWindow(DecibelHistogram histogram, int length)
    {
        double sum = 0;
        for (var i = 1; i <= length; i++) sum += _recent[(_subBlocks - i) % SubBlocksPerShortTerm];
        var meanSquare = sum / length;
        histogram.Add(Lufs(meanSquare), meanSquare);
    }

    private static double Lufs(double meanSquare) => meanSquare <= 0 ? double.NegativeInfinity : -0.691 + 10 * Math.Log10(meanSquare);
}
