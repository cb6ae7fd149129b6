namespace OrpheusLive.Audio.Echo;

/// <summary>
/// A straight line through the recent delay estimates (exponentially forgotten least squares, about a minute of
/// memory): its slope is the clock drift between playback and capture, its value now the delay to align to.
/// </summary>
internal sealed class DelayTrack
{
    private const double Forget = 0.995;        // per estimate (one every 256 ms: ~50 s time constant)
    private const double MinSpanSamples = 8 * 16000.0; // no slope before 8 s of estimates
    private const int MinCount = 20;

    private long _origin;
    private double _s, _st, _sd, _stt, _std;
    private int _count;
    private long _first, _last;

    /// <summary>Number of estimates since the last <see cref="Reset"/>.</summary>
    public int Count => _count;

    /// <summary>Delay change per capture sample (drift: 1e-4 is 100 ppm), 0 until enough estimates span enough time.</summary>
    public double Slope
    {
        get
        {
            if (_count < MinCount || _last - _first < MinSpanSamples) return 0;
            var denominator = _s * _stt - _st * _st;
            return denominator > 0 ? (_s * _std - _st * _sd) / denominator : 0;
        }
    }

    /// <summary>Starts a new line at one estimate.</summary>
    public void Reset(long sampleIndex, double delay)
    {
        _origin = sampleIndex;
        _s = _st = _sd = _stt = _std = 0;
        _count = 0;
        _first = _last = sampleIndex;
        Add(sampleIndex, delay);
    }

    /// <summary>Adds an estimate of <paramref name="delay"/> samples measured at capture sample <paramref name="sampleIndex"/>.</summary>
    public void Add(long sampleIndex, double delay)
    {
        var t = (double)(sampleIndex - _origin);
        _s = Forget * _s + 1;
        _st = Forget * _st + t;
        _sd = Forget * _sd + delay;
        _stt = Forget * _stt + t * t;
        _std = Forget * _std + t * delay;
        _count++;
        _last = sampleIndex;
    }

    /// <summary>The line's delay at capture sample <paramref name="sampleIndex"/>.</summary>
    public double Predict(long sampleIndex)
    {
        if (_s <= 0) return 0;
        var slope = Slope;
        var meanT = _st / _s;
        var meanD = _sd / _s;
        return meanD + slope * (sampleIndex - _origin - meanT);
    }
}
