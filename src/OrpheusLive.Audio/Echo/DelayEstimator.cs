using NWaves.Transforms;

namespace OrpheusLive.Audio.Echo;

/// <summary>
/// Estimates the delay between the reference (what was played) and the capture (what the microphone heard) with
/// GCC-PHAT on signals decimated by four: every hop the cross-spectrum of the last 512 ms of capture against the
/// matching reference span (plus the largest delay searched) is added to a running, exponentially forgotten
/// cross-spectrum, whose phase transform's peak is the delay. Phase weighting makes the peak sharp for music
/// (coloured, reverberant) and near-end speech only lowers it; a peak-to-RMS ratio says how sure the estimate is.
/// </summary>
/// <remarks>Allocation-free after construction. Not thread-safe.</remarks>
internal sealed class DelayEstimator
{
    /// <summary>Decimation of the inputs before correlation.</summary>
    public const int Decimation = 4;

    private const int FrameLength = 2048;     // decimated samples of capture per analysis (512 ms at 16 kHz)
    private const int Hop = FrameLength / 2;  // a new estimate every 256 ms
    private const float Forget = 0.8f;        // per hop: about 1.3 s of memory
    private const float SilenceMeanSquare = 1e-9f;
    private const double MinPeakToRms = 7;

    private readonly int _maxLag;            // decimated samples
    private readonly int _fftSize;
    private readonly RealFft _fft;
    private readonly float[] _capture;       // decimated capture history, a ring of FrameLength
    private readonly float[] _reference;     // decimated reference history, a ring of FrameLength + _maxLag
    private int _captureNext, _referenceNext; // ring write positions (= the oldest sample)
    private readonly float[] _x, _r;         // FFT inputs
    private readonly float[] _xRe, _xIm, _rRe, _rIm;
    private readonly float[] _sRe, _sIm;     // running cross-spectrum
    private readonly float[] _gcc;
    private int _filled;       // decimated samples received (saturates at the history length)
    private int _sinceHop;
    private float _capAcc, _refAcc;
    private int _accCount;
    private long _decimatedCount;

    /// <summary>Creates an estimator for delays from 0 to <paramref name="maxDelaySamples"/> (full-rate samples).</summary>
    public DelayEstimator(int maxDelaySamples)
    {
        _maxLag = (maxDelaySamples + Decimation - 1) / Decimation + 8;
        _fftSize = 1;
        while (_fftSize < FrameLength + _maxLag) _fftSize <<= 1;
        _fft = new RealFft(_fftSize);
        _capture = new float[FrameLength];
        _reference = new float[FrameLength + _maxLag];
        _x = new float[_fftSize];
        _r = new float[_fftSize];
        var bins = _fftSize / 2 + 1;
        _xRe = new float[bins]; _xIm = new float[bins]; _rRe = new float[bins]; _rIm = new float[bins];
        _sRe = new float[bins]; _sIm = new float[bins];
        _gcc = new float[_fftSize];
    }

    /// <summary>True once an estimate passed the confidence test.</summary>
    public bool HasEstimate { get; private set; }

    /// <summary>The last confident delay in full-rate samples (capture lags the reference by this much).</summary>
    public double DelaySamples { get; private set; }

    /// <summary>Full-rate capture sample index the last confident estimate belongs to (the middle of its frame).</summary>
    public long EstimateSampleIndex { get; private set; }

    /// <summary>Peak-to-RMS ratio of the last analysis (confident from 7 on).</summary>
    public double Confidence { get; private set; }

    /// <summary>
    /// Adds time-aligned capture and reference samples (equal lengths). Returns true when this call produced a new
    /// confident estimate.
    /// </summary>
    public bool Push(ReadOnlySpan<float> capture, ReadOnlySpan<float> reference)
    {
        var updated = false;
        for (var i = 0; i < capture.Length; i++)
        {
            _capAcc += capture[i];
            _refAcc += reference[i];
            if (++_accCount < Decimation) continue;
            AppendDecimated(_capAcc / Decimation, _refAcc / Decimation);
            _capAcc = _refAcc = 0;
            _accCount = 0;
            if (++_sinceHop >= Hop && _filled >= _reference.Length)
            {
                _sinceHop = 0;
                updated |= Analyse();
            }
        }

        return updated;
    }

    /// <summary>Forgets everything (a new stream).</summary>
    public void Reset()
    {
        Array.Clear(_capture);
        Array.Clear(_reference);
        Array.Clear(_sRe);
        Array.Clear(_sIm);
        _filled = _sinceHop = _accCount = 0;
        _captureNext = _referenceNext = 0;
        _capAcc = _refAcc = 0;
        _decimatedCount = 0;
        HasEstimate = false;
        DelaySamples = 0;
        EstimateSampleIndex = 0;
        Confidence = 0;
    }

    /// <summary>Forgets the accumulated cross-spectrum only (the echo path changed), keeping the signal history.</summary>
    public void ForgetCorrelation()
    {
        Array.Clear(_sRe);
        Array.Clear(_sIm);
    }

    private void AppendDecimated(float capture, float reference)
    {
        _capture[_captureNext] = capture;
        if (++_captureNext == _capture.Length) _captureNext = 0;
        _reference[_referenceNext] = reference;
        if (++_referenceNext == _reference.Length) _referenceNext = 0;
        _decimatedCount++;
        if (_filled < _reference.Length) _filled++;
    }

    private bool Analyse()
    {
        Array.Clear(_x);
        Array.Clear(_r);
        Unroll(_capture, _captureNext, _x);
        Unroll(_reference, _referenceNext, _r);
        if (MeanSquare(_x.AsSpan(0, FrameLength)) < SilenceMeanSquare ||
            MeanSquare(_r.AsSpan(_maxLag, FrameLength)) < SilenceMeanSquare)
        {
            return false;
        }

        _fft.Direct(_x, _xRe, _xIm);
        _fft.Direct(_r, _rRe, _rIm);
        for (var k = 0; k < _sRe.Length; k++)
        {
            // conj(X) · R: its inverse at lag m is Σ x[i] r[i + m], and r[i + _maxLag - τ] is the reference τ earlier.
            var re = _xRe[k] * _rRe[k] + _xIm[k] * _rIm[k];
            var im = _xRe[k] * _rIm[k] - _xIm[k] * _rRe[k];
            var norm = MathF.Sqrt(re * re + im * im) + 1e-20f;
            _sRe[k] = Forget * _sRe[k] + re / norm;
            _sIm[k] = Forget * _sIm[k] + im / norm;
        }

        for (var k = 0; k < _sRe.Length; k++)
        {
            var norm = MathF.Sqrt(_sRe[k] * _sRe[k] + _sIm[k] * _sIm[k]) + 1e-20f;
            _xRe[k] = _sRe[k] / norm;
            _xIm[k] = _sIm[k] / norm;
        }

        _fft.Inverse(_xRe, _xIm, _gcc);
        var best = 0;
        double sumSquares = 0;
        for (var m = 0; m <= _maxLag; m++)
        {
            sumSquares += _gcc[m] * (double)_gcc[m];
            if (_gcc[m] > _gcc[best]) best = m;
        }

        var rms = Math.Sqrt(sumSquares / (_maxLag + 1));
        Confidence = rms > 0 ? _gcc[best] / rms : 0;
        if (Confidence < MinPeakToRms) return false;

        // Parabolic interpolation of the peak for a sub-sample lag.
        double offset = 0;
        if (best > 0 && best < _maxLag)
        {
            double a = _gcc[best - 1], b = _gcc[best], c = _gcc[best + 1];
            var denominator = a - 2 * b + c;
            if (denominator < 0) offset = Math.Clamp(0.5 * (a - c) / denominator, -0.5, 0.5);
        }

        var lag = _maxLag - (best + offset); // decimated samples the capture lags the reference
        DelaySamples = Math.Max(0, lag * Decimation);
        EstimateSampleIndex = (_decimatedCount - FrameLength / 2) * Decimation;
        HasEstimate = true;
        return true;
    }

    /// <summary>Copies a ring oldest-first into the start of <paramref name="target"/>.</summary>
    private static void Unroll(float[] ring, int oldest, float[] target)
    {
        var head = ring.Length - oldest;
        Array.Copy(ring, oldest, target, 0, head);
        Array.Copy(ring, 0, target, head, oldest);
    }

    private static float MeanSquare(ReadOnlySpan<float> samples)
    {
        double sum = 0;
        foreach (var s in samples) sum += s * s;
        return (float)(sum / Math.Max(1, samples.Length));
    }
}
