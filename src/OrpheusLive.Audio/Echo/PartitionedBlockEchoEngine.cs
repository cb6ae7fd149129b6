using NWaves.Transforms;

namespace OrpheusLive.Audio.Echo;

/// <summary>
/// The project's own echo filter: a partitioned-block frequency-domain adaptive filter (multi-delay filter,
/// overlap-save, blocks of one frame) with per-bin NLMS normalisation, the gradient constraint applied to one
/// partition per frame in turn, and a foreground/background pair for double-talk: the background adapts on every
/// frame; its taps are copied to the foreground that produces the output only when the background has been clearly
/// better for a while, and the background is put back to the foreground when near-end speech has thrown it off.
/// </summary>
/// <remarks>Allocation-free after construction. Not thread-safe.</remarks>
internal sealed class PartitionedBlockEchoEngine : IEchoFilterEngine
{
    private const float Step = 0.5f;
    private const float PowerSmoothing = 0.9f;
    private const float EnergySmoothing = 0.8f;
    private const float Regularisation = 1e-6f;
    private const int CopyAfterFrames = 4;

    private readonly int _block;      // B
    private readonly int _bins;       // B + 1
    private readonly int _partitions; // P
    private readonly RealFft _fft;
    private readonly float[] _time;   // 2B scratch
    private readonly float[] _previous;
    private readonly float[] _xRe, _xIm;   // P × bins: reference spectra, newest at _head
    private readonly float[] _bRe, _bIm;   // background taps
    private readonly float[] _fRe, _fIm;   // foreground taps
    private readonly float[] _power;       // smoothed |X|² per bin
    private readonly float[] _yRe, _yIm, _eRe, _eIm;
    private readonly float[] _background, _foreground;
    private int _head, _constrain, _betterFrames;
    private float _backgroundEnergy, _foregroundEnergy;

    public PartitionedBlockEchoEngine(EchoCancellerOptions options, int sampleRate)
    {
        _block = options.FrameSamples;
        _bins = _block + 1;
        var taps = options.FilterMilliseconds * sampleRate / 1000;
        _partitions = Math.Max(1, (taps + _block - 1) / _block);
        _fft = new RealFft(2 * _block);
        _time = new float[2 * _block];
        _previous = new float[_block];
        var size = _partitions * _bins;
        _xRe = new float[size]; _xIm = new float[size];
        _bRe = new float[size]; _bIm = new float[size];
        _fRe = new float[size]; _fIm = new float[size];
        _power = new float[_bins];
        _yRe = new float[_bins]; _yIm = new float[_bins];
        _eRe = new float[_bins]; _eIm = new float[_bins];
        _background = new float[_block];
        _foreground = new float[_block];
        FrameSamples = _block;
    }

    /// <inheritdoc />
    public int FrameSamples { get; }

    /// <inheritdoc />
    public int LatencySamples => 0;

    /// <inheritdoc />
    public void Process(ReadOnlySpan<float> capture, ReadOnlySpan<float> reference, Span<float> output)
    {
        // The newest reference spectrum: [previous frame, this frame] (overlap-save).
        _head = _head == 0 ? _partitions - 1 : _head - 1;
        _previous.CopyTo(_time, 0);
        reference.CopyTo(_time.AsSpan(_block));
        reference.CopyTo(_previous);
        _fft.Direct(_time, _yRe, _yIm);
        var row = _head * _bins;
        _yRe.CopyTo(_xRe, row);
        _yIm.CopyTo(_xIm, row);
        for (var k = 0; k < _bins; k++)
        {
            _power[k] = PowerSmoothing * _power[k] + (1 - PowerSmoothing) * (_yRe[k] * _yRe[k] + _yIm[k] * _yIm[k]);
        }

        var backgroundEnergy = Filter(_bRe, _bIm, capture, _background);
        var foregroundEnergy = Filter(_fRe, _fIm, capture, _foreground);
        _backgroundEnergy = EnergySmoothing * _backgroundEnergy + (1 - EnergySmoothing) * backgroundEnergy;
        _foregroundEnergy = EnergySmoothing * _foregroundEnergy + (1 - EnergySmoothing) * foregroundEnergy;

        if (_backgroundEnergy < 0.5f * _foregroundEnergy)
        {
            if (++_betterFrames >= CopyAfterFrames)
            {
                _bRe.CopyTo(_fRe, 0);
                _bIm.CopyTo(_fIm, 0);
                _background.CopyTo(_foreground, 0);
                _foregroundEnergy = _backgroundEnergy;
                _betterFrames = 0;
            }
        }
        else
        {
            _betterFrames = 0;
            if (_backgroundEnergy > 8f * _foregroundEnergy)
            {
                // Near-end speech pulled the background away: start it again from the foreground.
                _fRe.CopyTo(_bRe, 0);
                _fIm.CopyTo(_bIm, 0);
                _foreground.CopyTo(_background, 0);
                _backgroundEnergy = _foregroundEnergy;
            }
        }

        _foreground.CopyTo(output);
        Adapt();
    }

    /// <inheritdoc />
    public void Reset()
    {
        Array.Clear(_previous);
        Array.Clear(_xRe); Array.Clear(_xIm);
        Array.Clear(_bRe); Array.Clear(_bIm);
        Array.Clear(_fRe); Array.Clear(_fIm);
        Array.Clear(_power);
        _head = _constrain = _betterFrames = 0;
        _backgroundEnergy = _foregroundEnergy = 0;
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }

    /// <summary>Echo estimate of a tap set subtracted from the capture into <paramref name="error"/>; returns the error energy.</summary>
    private float Filter(float[] wRe, float[] wIm, ReadOnlySpan<float> capture, float[] error)
    {
        Array.Clear(_eRe);
        Array.Clear(_eIm);
        for (var p = 0; p < _partitions; p++)
        {
            var x = ((_head + p) % _partitions) * _bins;
            var w = p * _bins;
            for (var k = 0; k < _bins; k++)
            {
                float xr = _xRe[x + k], xi = _xIm[x + k], wr = wRe[w + k], wi = wIm[w + k];
                _eRe[k] += xr * wr - xi * wi;
                _eIm[k] += xr * wi + xi * wr;
            }
        }

        _fft.InverseNorm(_eRe, _eIm, _time);
        float energy = 0;
        for (var i = 0; i < _block; i++)
        {
            var e = capture[i] - _time[_block + i];
            error[i] = e;
            energy += e * e;
        }

        return energy;
    }

    private void Adapt()
    {
        Array.Clear(_time, 0, _block);
        _background.CopyTo(_time, _block);
        _fft.Direct(_time, _eRe, _eIm);
        for (var k = 0; k < _bins; k++)
        {
            var mu = Step / (_partitions * _power[k] + Regularisation);
            _eRe[k] *= mu;
            _eIm[k] *= mu;
        }

        for (var p = 0; p < _partitions; p++)
        {
            var x = ((_head + p) % _partitions) * _bins;
            var w = p * _bins;
            for (var k = 0; k < _bins; k++)
            {
                // W += μ · conj(X) · E
                float xr = _xRe[x + k], xi = _xIm[x + k], er = _eRe[k], ei = _eIm[k];
                _bRe[w + k] += xr * er + xi * ei;
                _bIm[w + k] += xr * ei - xi * er;
            }
        }

        // Gradient constraint on one partition per frame: keep its first B taps (linear, not circular, convolution).
        var c = _constrain * _bins;
        _bRe.AsSpan(c, _bins).CopyTo(_yRe);
        _bIm.AsSpan(c, _bins).CopyTo(_yIm);
        _fft.InverseNorm(_yRe, _yIm, _time);
        Array.Clear(_time, _block, _block);
        _fft.Direct(_time, _yRe, _yIm);
        _yRe.CopyTo(_bRe, c);
        _yIm.CopyTo(_bIm, c);
        _constrain = (_constrain + 1) % _partitions;
    }
}
