using NWaves.Filters.Fda;
using NWaves.Transforms;

namespace OrpheusLive.Library.Analysis;

/// <summary>
/// The frame-level features of one STFT frame, computed from one FFT (NWaves <see cref="RealFft"/>; mel and chroma
/// filter banks designed by NWaves's <see cref="FilterBanks"/>, applied banded): centroid, roll-off, 7-band
/// contrast, log-filtered spectral flux (the onset strength), 13 MFCCs and chroma. One instance per thread; buffers are allocated
/// once, so a frame allocates nothing.
/// </summary>
/// <remarks>
/// NWaves's own extractors (MfccExtractor, SpectralFeaturesExtractor, ChromaExtractor) each run their own FFT over
/// the whole signal and return a new array per frame; sharing one FFT here is what keeps the analysis far above real
/// time (measured in <c>tests/OrpheusLive.Benchmarks</c>, <c>FeatureExtractionBenchmarks</c>).
/// </remarks>
internal sealed class SpectralFrame
{
    /// <summary>Mel bands behind the MFCCs and the onset strength.</summary>
    public const int MelBands = 40;

    /// <summary>MFCCs kept.</summary>
    public const int MfccCount = 13;

    /// <summary>Contrast bands: 0–200 Hz, then octaves up to 6.4 kHz, then the rest (librosa's defaults).</summary>
    public const int ContrastBands = 7;

    private const float Floor = 1e-10f;
    private readonly int _bins;
    private readonly float[] _window;
    private readonly float[] _frame;
    private readonly float[] _magnitude;
    private readonly float[] _power;
    private readonly float[] _frequencies;
    private readonly RealFft _fft;
    private readonly BandedFilterBank _melBank;
    private readonly BandedFilterBank _chromaBank;
    private readonly float[] _dct; // MfccCount × MelBands, orthonormal DCT-II rows
    private readonly float[] _mel = new float[MelBands];
    private readonly float[] _melDb = new float[MelBands];
    private readonly float[] _melMagnitude = new float[MelBands];
    private readonly float[] _previousLogMagnitude = new float[MelBands];
    private readonly int[] _contrastEdges;
    private readonly float[] _sortScratch;
    private const int ContrastEvery = 4;
    private bool _hasPrevious;
    private long _frameIndex;

    /// <summary>Designs the transforms for one frame size and rate.</summary>
    public SpectralFrame(int frameSize, int sampleRate)
    {
        _bins = frameSize / 2 + 1;
        _window = new float[frameSize];
        for (var i = 0; i < frameSize; i++) _window[i] = (float)(0.5 - 0.5 * Math.Cos(2 * Math.PI * i / frameSize)); // periodic Hann
        _frame = new float[frameSize];
        _magnitude = new float[_bins];
        _power = new float[_bins];
        _frequencies = new float[_bins];
        for (var k = 0; k < _bins; k++) _frequencies[k] = k * (float)sampleRate / frameSize;
        _fft = new RealFft(frameSize);
        _melBank = new BandedFilterBank(FilterBanks.MelBankSlaney(MelBands, frameSize, sampleRate, 0, sampleRate / 2.0));
        _chromaBank = new BandedFilterBank(FilterBanks.Chroma(frameSize, sampleRate, 12, 0, 5.0, 2, 2, true));
        _dct = new float[MfccCount * MelBands];
        for (var c = 0; c < MfccCount; c++)
        {
            var scale = Math.Sqrt((c == 0 ? 1.0 : 2.0) / MelBands);
            for (var b = 0; b < MelBands; b++) _dct[c * MelBands + b] = (float)(scale * Math.Cos(Math.PI * c * (b + 0.5) / MelBands));
        }
        _contrastEdges = new int[ContrastBands + 1];
        double edge = 200;
        _contrastEdges[0] = 1;
        for (var b = 1; b < ContrastBands; b++, edge *= 2) _contrastEdges[b] = Math.Min(_bins - 1, (int)Math.Round(edge * frameSize / sampleRate));
        _contrastEdges[ContrastBands] = _bins;
        _sortScratch = new float[_bins];
        Chroma = new float[12];
        Mfcc = new float[MfccCount];
        Contrast = new float[ContrastBands];
    }

    /// <summary>Spectral centroid of the last frame (Hz).</summary>
    public float Centroid { get; private set; }

    /// <summary>85 % roll-off of the last frame (Hz).</summary>
    public float Rolloff { get; private set; }

    /// <summary>Positive difference of log-compressed mel magnitudes to the previous frame, mean over bands: the onset strength.</summary>
    public float Flux { get; private set; }

    /// <summary>True when the last frame held no energy (digital silence): its spectral shape is undefined.</summary>
    public bool IsSilent { get; private set; }

    /// <summary>MFCC 0–12 of the last frame.</summary>
    public float[] Mfcc { get; }

    /// <summary>Chroma of the last frame, max-normalised.</summary>
    public float[] Chroma { get; }

    /// <summary>True when <see cref="Contrast"/> was computed for the last frame (every 4th frame).</summary>
    public bool HasContrast { get; private set; }

    /// <summary>Spectral contrast of the last frame per band (dB), valid when <see cref="HasContrast"/>.</summary>
    public float[] Contrast { get; }

    /// <summary>Forgets the previous frame (a new track).</summary>
    public void Reset()
    {
        _hasPrevious = false;
        _frameIndex = 0;
        Array.Clear(_previousLogMagnitude);
    }

    /// <summary>Analyses one frame of <c>frameSize</c> samples.</summary>
    public void Process(ReadOnlySpan<float> samples)
    {
        for (var i = 0; i < _frame.Length; i++) _frame[i] = samples[i] * _window[i];
        _fft.MagnitudeSpectrum(_frame, _magnitude, false);

        double sum = 0, weighted = 0;
        for (var k = 0; k < _bins; k++)
        {
            var m = _magnitude[k];
            _power[k] = m * m;
            sum += m;
            weighted += m * _frequencies[k];
        }
        IsSilent = sum < 1e-6;
        Centroid = IsSilent ? 0 : (float)(weighted / sum);
        Rolloff = IsSilent ? 0 : RolloffFrequency(sum * 0.85);

        _melBank.Apply(_power, _mel);
        for (var b = 0; b < MelBands; b++) _melDb[b] = 10 * MathF.Log10(MathF.Max(_mel[b], Floor));

        // Onset strength: the logarithmic filtered spectral flux of Böck, Krebs & Schedl (2012, "Evaluating the online
        // capabilities of onset detection methods", ISMIR): log10(1 + |X|) of mel-filtered magnitudes, half-wave
        // rectified difference, mean over bands. Unlike a dB difference it weighs a change by how loud it is, so faint
        // broadband noise does not outvote the kick drum.
        _melBank.Apply(_magnitude, _melMagnitude);
        float flux = 0;
        for (var b = 0; b < MelBands; b++)
        {
            var logMagnitude = MathF.Log10(1 + _melMagnitude[b]);
            if (_hasPrevious) flux += MathF.Max(0, logMagnitude - _previousLogMagnitude[b]);
            _previousLogMagnitude[b] = logMagnitude;
        }
        Flux = flux / MelBands;
        _hasPrevious = true;

        // The first 13 rows of the orthonormal DCT-II (what NWaves's Dct2.DirectNorm computes for all 40, at 40× the cost).
        for (var c = 0; c < MfccCount; c++)
        {
            var row = _dct.AsSpan(c * MelBands, MelBands);
            var coefficient = 0f;
            for (var b = 0; b < MelBands; b++) coefficient += row[b] * _melDb[b];
            Mfcc[c] = coefficient;
        }

        _chromaBank.Apply(_power, Chroma);
        var max = 0f;
        foreach (var c in Chroma) max = MathF.Max(max, c);
        if (max > 0) for (var i = 0; i < 12; i++) Chroma[i] /= max;

        // Contrast needs a sort per band, the dearest step: every 4th frame (frames overlap by 75 %, so its mean loses little).
        if (_frameIndex++ % ContrastEvery == 0)
        {
            for (var b = 0; b < ContrastBands; b++) Contrast[b] = BandContrast(_contrastEdges[b], _contrastEdges[b + 1]);
            HasContrast = true;
        }
        else
        {
            HasContrast = false;
        }
    }

    private float RolloffFrequency(double threshold)
    {
        double cumulative = 0;
        for (var k = 0; k < _bins; k++)
        {
            cumulative += _magnitude[k];
            if (cumulative >= threshold) return _frequencies[k];
        }
        return _frequencies[_bins - 1];
    }

    // Jiang et al. 2002: peak and valley as the means of the top and bottom 2 % of a band's power, in dB.
    private float BandContrast(int from, int to)
    {
        var n = to - from;
        if (n <= 0) return 0;
        var band = _sortScratch.AsSpan(0, n);
        _power.AsSpan(from, n).CopyTo(band);
        band.Sort();
        var take = Math.Max(1, (int)Math.Round(0.02 * n));
        double low = 0, high = 0;
        for (var i = 0; i < take; i++)
        {
            low += band[i];
            high += band[n - 1 - i];
        }
        return 10 * MathF.Log10(MathF.Max((float)(high / take), Floor)) - 10 * MathF.Log10(MathF.Max((float)(low / take), Floor));
    }
}
