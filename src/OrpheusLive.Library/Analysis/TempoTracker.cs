namespace OrpheusLive.Library.Analysis;

/// <summary>
/// Tempo, beat strength and onset rate from the onset envelope (the frame-wise log-mel flux), segment by segment in
/// O(1) memory. Per segment: the normalised autocorrelation of the envelope over lags of 20–240 BPM (added to a
/// track-wide sum), its highest peak in 40–240 BPM as the pulse clarity (Lartillot et al. 2008, "Multi-feature
/// modeling of pulse clarity", ISMIR), and the envelope's peaks above mean + ½ std as onsets. The track's tempo is the
/// lag τ in 40–240 BPM that maximises the enhanced autocorrelation A(τ) + ½A(2τ) (the harmonic sum of Percival &amp;
/// Tzanetakis 2014, "Streamlined tempo estimation based on autocorrelation and cross-correlation with pulses", which
/// keeps a bar-long pattern from halving the tempo) weighted by a log-normal prior centred on 120 BPM with a one-octave
/// deviation (Ellis 2007, "Beat tracking by dynamic programming"; librosa's default), refined by parabolic interpolation.
/// </summary>
internal sealed class TempoTracker
{
    private const double PriorBpm = 120;
    private const double PriorOctaves = 1.0;
    private readonly double _frameRate;
    private readonly int _minLag;
    private readonly int _maxLag;
    private readonly double[] _summed;
    private float[] _smoothed = [];
    private RunningStats _clarity;
    private RunningStats _onsetRate;

    /// <summary>Creates the tracker for envelopes at <paramref name="frameRate"/> frames per second.</summary>
    public TempoTracker(double frameRate)
    {
        _frameRate = frameRate;
        _minLag = Math.Max(1, (int)Math.Floor(60 * frameRate / 240));
        _maxLag = (int)Math.Ceiling(60 * frameRate / 40);
        _summed = new double[2 * _maxLag + 3];
    }

    /// <summary>Mean pulse clarity over the segments (0–1).</summary>
    public double BeatStrength => _clarity.Mean;

    /// <summary>Mean onsets per second over the segments.</summary>
    public double OnsetRate => _onsetRate.Mean;

    /// <summary>Forgets the track.</summary>
    public void Reset()
    {
        Array.Clear(_summed);
        _clarity = default;
        _onsetRate = default;
    }

    /// <summary>Adds one segment's onset envelope (segments shorter than three slowest beats, ~4.5 s, are skipped).</summary>
    public void AddSegment(ReadOnlySpan<float> raw)
    {
        var n = raw.Length;
        if (n < 3 * _maxLag) return;
        var envelope = Smooth(raw);
        double mean = 0;
        foreach (var x in envelope) mean += x;
        mean /= n;
        double variance = 0;
        foreach (var x in envelope) variance += (x - mean) * (x - mean);
        _onsetRate.Add(CountOnsets(raw) / (n / _frameRate));
        if (variance <= 1e-12)
        {
            _clarity.Add(0);
            return;
        }

        var best = 0.0;
        for (var lag = _minLag - 1; lag < _summed.Length; lag++)
        {
            double r = 0;
            for (var t = 0; t + lag < n; t++) r += (envelope[t] - mean) * (envelope[t + lag] - mean);
            // unbiased: divide by the overlap, normalise by the variance
            var acf = r / (n - lag) / (variance / n);
            _summed[lag] += acf;
            var bpm = 60 * _frameRate / lag;
            if (bpm is >= 40 and <= 240) best = Math.Max(best, acf);
        }
        _clarity.Add(Math.Clamp(best, 0, 1));
    }

    /// <summary>The track's tempo in BPM (0 when no segment had a pulse).</summary>
    public double Tempo()
    {
        var bestLag = -1;
        var bestScore = 0.0;
        for (var lag = _minLag; lag <= _maxLag; lag++)
        {
            var score = Score(lag);
            if (score > bestScore)
            {
                bestScore = score;
                bestLag = lag;
            }
        }
        if (bestLag < 0) return 0;
        var refined = (double)bestLag;
        if (bestLag > _minLag && bestLag < _maxLag)
        {
            double a = Score(bestLag - 1), b = bestScore, c = Score(bestLag + 1);
            var denominator = a - 2 * b + c;
            if (denominator < 0) refined += Math.Clamp(0.5 * (a - c) / denominator, -0.5, 0.5);
        }
        return 60 * _frameRate / refined;
    }

    private double Score(int lag) => (_summed[lag] + 0.5 * _summed[2 * lag]) * Prior(lag);

    private double Prior(int lag)
    {
        var octaves = Math.Log2(60 * _frameRate / lag / PriorBpm) / PriorOctaves;
        return Math.Exp(-0.5 * octaves * octaves);
    }

    // A triangular low-pass (±3 frames, ~70 ms; Percival & Tzanetakis low-pass their onset signal at 7 Hz too): a beat
    // period between two integer lags then raises both instead of splitting its peak, which would favour a slower
    // tempo whose period happens to fall on an integer lag.
    private ReadOnlySpan<float> Smooth(ReadOnlySpan<float> raw)
    {
        if (_smoothed.Length < raw.Length) _smoothed = new float[raw.Length];
        const int radius = 3;
        for (var t = 0; t < raw.Length; t++)
        {
            float sum = 0, weights = 0;
            for (var d = -radius; d <= radius; d++)
            {
                var u = t + d;
                if (u < 0 || u >= raw.Length) continue;
                var w = radius + 1 - Math.Abs(d);
                sum += w * raw[u];
                weights += w;
            }
            _smoothed[t] = sum / weights;
        }
        return _smoothed.AsSpan(0, raw.Length);
    }

    private static int CountOnsets(ReadOnlySpan<float> envelope)
    {
        const int radius = 3; // ±70 ms: peaks closer than that are one onset
        double mean = 0, squares = 0;
        foreach (var x in envelope)
        {
            mean += x;
            squares += x * x;
        }
        mean /= envelope.Length;
        var threshold = mean + 0.5 * Math.Sqrt(Math.Max(0, squares / envelope.Length - mean * mean));
        var count = 0;
        var last = -radius - 1;
        for (var t = 1; t < envelope.Length - 1; t++)
        {
            var x = envelope[t];
            if (x < threshold || t - last <= radius) continue;
            var isPeak = true;
            for (var d = -radius; d <= radius && isPeak; d++)
            {
                var u = t + d;
                if (u >= 0 && u < envelope.Length && envelope[u] > x) isPeak = false;
            }
            if (!isPeak) continue;
            count++;
            last = t;
        }
        return count;
    }
}
