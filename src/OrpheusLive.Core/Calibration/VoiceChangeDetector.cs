namespace OrpheusLive.Core.Calibration;

/// <summary>
/// A cheap voice-change detector: each speech window's <see cref="VoiceFeatures"/> shape, projected onto the
/// directions in which voices differ most (<see cref="VoiceProjection"/>, learnt on the training speakers), feeds a
/// short-term average (<see cref="CalibrationOptions.VoiceShortWindows"/>) and the current voice's long-term average
/// (<see cref="CalibrationOptions.VoiceLongWindows"/>). The statistic is their mean squared difference divided by its
/// expected value for the same voice (1/short + 1/long); above <see cref="CalibrationOptions.VoiceChangeThreshold"/>
/// after <see cref="CalibrationOptions.VoiceWarmupWindows"/> windows the voice has changed and the detector starts
/// over on the new one; while the statistic is above half the threshold the long-term average stays as it is.
/// Measured miss / false-alarm rates: <c>training/results/calibration.md</c> — it finds most
/// changes within 10 windows but strong emotion changes of one speaker also trip it, so a change only softens what
/// calibration learnt (<see cref="ISpeakerAdaptation.Forget"/>), it never throws away an enrolment.
/// Allocation-free per window; not thread-safe. <c>training/calibration.py</c>'s <c>VoiceChangeDetector</c> mirrors it.
/// </summary>
public sealed class VoiceChangeDetector
{
    private const int MinFreshSamples = VoiceFeatures.SampleRate / 2;

    private readonly VoiceFeatures _features = new();
    private readonly double[] _shape = new double[VoiceFeatures.Bands];
    private readonly double[] _z = new double[VoiceProjection.Dimensions];
    private readonly double[] _short = new double[VoiceProjection.Dimensions];
    private readonly double[] _long = new double[VoiceProjection.Dimensions];
    private readonly double _shortWindows, _longWindows, _warmup, _threshold;
    private double _n;

    /// <summary>Creates a detector with the voice-change settings of <paramref name="options"/> (validated here).</summary>
    /// <exception cref="ArgumentException">The options are invalid; the message names the setting.</exception>
    public VoiceChangeDetector(CalibrationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var error = options.Validate();
        if (error is not null)
        {
            throw new ArgumentException(error, nameof(options));
        }

        (_shortWindows, _longWindows, _warmup, _threshold) =
            (options.VoiceShortWindows, options.VoiceLongWindows, options.VoiceWarmupWindows, options.VoiceChangeThreshold);
    }

    /// <summary>The last window's change statistic (≈ 1 while the voice stays the same; 0 before the first window).</summary>
    public double LastStatistic { get; private set; }

    /// <summary>
    /// Looks at one speech window (16 kHz mono samples) and returns true when the voice has changed since the
    /// previous ones. <paramref name="weight"/> is the new speech the window adds, in windows (0..1], as for
    /// <see cref="ISpeakerAdaptation.Adapt"/>; only that newest part of the window (at least 0.5 s) is analysed, which
    /// keeps a live 1 s hop at a third of the cost of a whole window.
    /// </summary>
    public bool Process(ReadOnlySpan<float> window, double weight = 1)
    {
        if (!(weight > 0 && weight <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(weight), weight, "A window's weight must be above 0 and at most 1.");
        }

        // Only the audio this window adds: consecutive live windows overlap, and the averages already weigh by it.
        var fresh = (int)Math.Ceiling(weight * window.Length);
        if (!_features.Compute(window[Math.Max(0, window.Length - Math.Max(fresh, MinFreshSamples))..], _shape))
        {
            return false;
        }

        var mean = VoiceProjection.Mean;
        var matrix = VoiceProjection.Matrix;
        for (var d = 0; d < _z.Length; d++)
        {
            double s = 0;
            for (var b = 0; b < VoiceFeatures.Bands; b++)
            {
                s += (_shape[b] - mean[b]) * matrix[(b * _z.Length) + d];
            }

            _z[d] = s;
        }

        if (_n == 0)
        {
            Start(weight);
            return false;
        }

        double distance = 0;
        for (var d = 0; d < _z.Length; d++)
        {
            _short[d] += weight / _shortWindows * (_z[d] - _short[d]);
            var diff = _short[d] - _long[d];
            distance += diff * diff;
        }

        LastStatistic = distance / _z.Length / ((1 / _shortWindows) + (1 / Math.Min(_n, _longWindows)));
        if (_n >= _warmup && LastStatistic > _threshold)
        {
            Start(weight);
            return true;
        }

        if (LastStatistic > _threshold / 2)
        {
            // A suspected new voice must not be averaged into the old one before it is confirmed.
            return false;
        }

        _n += weight;
        var a = weight / Math.Min(_n, _longWindows);
        for (var d = 0; d < _z.Length; d++)
        {
            _long[d] += a * (_z[d] - _long[d]);
        }

        return false;
    }

    /// <summary>Forgets the current voice (a new session).</summary>
    public void Reset()
    {
        _n = 0;
        LastStatistic = 0;
    }

    private void Start(double weight)
    {
        _z.CopyTo(_short, 0);
        _z.CopyTo(_long, 0);
        _n = weight;
    }
}
