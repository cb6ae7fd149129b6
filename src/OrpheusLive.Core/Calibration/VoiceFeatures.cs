using NWaves.Transforms;

namespace OrpheusLive.Core.Calibration;

/// <summary>
/// The voice shape of one window: its long-term spectrum over 24 mel bands (100–7000 Hz), level removed — the mean,
/// over the window's loud frames (within 30 dB of its loudest), of each frame's log band energies minus their mean
/// over bands. 25 ms Hann frames every 30 ms, 512-point FFT (NWaves). Buffers are allocated once; not thread-safe.
/// <c>training/calibration.py</c>'s <c>voice_shape</c> is the same computation.
/// </summary>
public sealed class VoiceFeatures
{
    /// <summary>Sample rate the features assume.</summary>
    public const int SampleRate = 16_000;

    /// <summary>Number of mel bands (the length of a shape).</summary>
    public const int Bands = VoiceProjection.Bands;

    private const int FrameLength = 400, FrameHop = 480, FftSize = 512;
    private const double LowHz = 100, HighHz = 7000, KeepDecibels = 30;

    private readonly RealFft _fft = new(FftSize);
    private readonly float[] _frame = new float[FftSize];
    private readonly float[] _power = new float[FftSize / 2 + 1];
    private readonly float[] _hann = new float[FrameLength];
    private readonly double[,] _filters = new double[Bands, FftSize / 2 + 1];
    private readonly int[] _first = new int[Bands], _last = new int[Bands];
    private double[] _logMel = new double[Bands * 128];
    private double[] _energy = new double[128];

    /// <summary>Prepares the window function and the mel filters.</summary>
    public VoiceFeatures()
    {
        for (var i = 0; i < FrameLength; i++)
        {
            _hann[i] = (float)(0.5 - 0.5 * Math.Cos(2 * Math.PI * i / (FrameLength - 1)));
        }

        static double Mel(double f) => 2595 * Math.Log10(1 + f / 700);
        static double Hz(double m) => 700 * (Math.Pow(10, m / 2595) - 1);
        var edges = new double[Bands + 2];
        for (var i = 0; i < edges.Length; i++)
        {
            edges[i] = Hz(Mel(LowHz) + ((Mel(HighHz) - Mel(LowHz)) * i / (Bands + 1)));
        }

        for (var b = 0; b < Bands; b++)
        {
            _first[b] = int.MaxValue;
            for (var k = 0; k <= FftSize / 2; k++)
            {
                var f = k * (double)SampleRate / FftSize;
                var w = Math.Max(0, Math.Min((f - edges[b]) / (edges[b + 1] - edges[b]), (edges[b + 2] - f) / (edges[b + 2] - edges[b + 1])));
                _filters[b, k] = w;
                if (w > 0)
                {
                    _first[b] = Math.Min(_first[b], k);
                    _last[b] = k;
                }
            }
        }
    }

    /// <summary>
    /// Writes the voice shape of <paramref name="window"/> (16 kHz mono, at least one 25 ms frame) into
    /// <paramref name="shape"/> (<see cref="Bands"/> values). Returns false, leaving zeros, for a window without
    /// frames. Allocates nothing once it has seen a window this long.
    /// </summary>
    public bool Compute(ReadOnlySpan<float> window, Span<double> shape)
    {
        if (shape.Length != Bands)
        {
            throw new ArgumentException($"The shape needs {Bands} values.", nameof(shape));
        }

        shape.Clear();
        if (window.Length < FrameLength)
        {
            return false;
        }

        var frames = 1 + ((window.Length - FrameLength) / FrameHop);
        if (_energy.Length < frames)
        {
            _energy = new double[frames];
            _logMel = new double[frames * Bands];
        }

        var loudest = double.NegativeInfinity;
        for (var f = 0; f < frames; f++)
        {
            var frame = window.Slice(f * FrameHop, FrameLength);
            double energy = 0;
            for (var i = 0; i < FrameLength; i++)
            {
                var v = frame[i] * _hann[i];
                _frame[i] = v;
                energy += (double)v * v;
            }

            Array.Clear(_frame, FrameLength, FftSize - FrameLength);
            _fft.PowerSpectrum(_frame, _power, normalize: false);
            _energy[f] = 10 * Math.Log10(energy + 1e-10);
            loudest = Math.Max(loudest, _energy[f]);
            double bandMean = 0;
            for (var b = 0; b < Bands; b++)
            {
                double e = 0;
                for (var k = _first[b]; k <= _last[b]; k++)
                {
                    e += _filters[b, k] * _power[k];
                }

                var log = Math.Log(e + 1e-10);
                _logMel[(f * Bands) + b] = log;
                bandMean += log;
            }

            bandMean /= Bands;
            for (var b = 0; b < Bands; b++)
            {
                _logMel[(f * Bands) + b] -= bandMean;
            }
        }

        var kept = 0;
        for (var f = 0; f < frames; f++)
        {
            if (_energy[f] < loudest - KeepDecibels)
            {
                continue;
            }

            kept++;
            for (var b = 0; b < Bands; b++)
            {
                shape[b] += _logMel[(f * Bands) + b];
            }
        }

        for (var b = 0; b < Bands; b++)
        {
            shape[b] /= kept;
        }

        return true;
    }
}
