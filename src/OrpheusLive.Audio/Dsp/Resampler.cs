using System.Numerics;
using System.Runtime.InteropServices;

namespace OrpheusLive.Audio.Dsp;

/// <summary>
/// Streaming band-limited sample-rate converter for one channel: a Kaiser-windowed-sinc polyphase filter
/// (about 80 dB stop-band rejection, pass band flat to 45 % of the lower rate, stop band from 50 %).
/// Feed any number of samples to <see cref="Process"/>, then call <see cref="Flush"/> once at the end;
/// the total output is round-up(input × output rate ÷ input rate) samples, time-aligned with the input (no delay).
/// </summary>
/// <remarks>Allocation-free after construction. Not thread-safe.</remarks>
public sealed class Resampler
{
    private const double StopBandDb = 80;
    private const double CutoffFraction = 0.475;    // of the lower rate: the middle of the transition band
    private const double TransitionFraction = 0.05; // of the lower rate: pass band to 0.45, stop band from 0.5
    private const int MaxPhases = 4096;             // beyond this, the nearest of 4096 phases is used (< -70 dB error)
    private const int ChunkSamples = 4096;

    private readonly int _upFactor;   // L: output rate / gcd
    private readonly int _downFactor; // M: input rate / gcd
    private readonly int _phases;
    private readonly int _taps;       // per phase, an even number: taps/2 before and after the output instant
    private readonly float[] _coefficients; // phase-major: _phases × _taps
    private readonly float[] _history;      // input samples not yet fully used, starting at absolute index _historyStart
    private int _historyCount;
    private long _historyStart;
    private long _center;   // absolute input index at or before the next output instant
    private int _phaseAcc;  // next output instant = _center + _phaseAcc / L
    private long _inputCount;
    private long _outputCount;
    private bool _flushed;

    /// <summary>Designs the filter for a rate pair.</summary>
    /// <param name="inputRate">Input sample rate in Hz.</param>
    /// <param name="outputRate">Output sample rate in Hz.</param>
    public Resampler(int inputRate, int outputRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputRate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputRate);
        InputRate = inputRate;
        OutputRate = outputRate;
        var gcd = Gcd(inputRate, outputRate);
        _upFactor = outputRate / gcd;
        _downFactor = inputRate / gcd;
        IsPassThrough = inputRate == outputRate;
        _phases = Math.Min(_upFactor, MaxPhases);

        var lowerRate = Math.Min(inputRate, outputRate);
        var cutoff = CutoffFraction * lowerRate / inputRate;        // cycles per input sample
        var transition = TransitionFraction * lowerRate / inputRate; // cycles per input sample
        // Kaiser's formula for the filter length at the wanted attenuation and transition width.
        var length = (int)Math.Ceiling((StopBandDb - 7.95) / (14.36 * transition)) + 1;
        _taps = IsPassThrough ? 0 : length + (length & 1);
        _coefficients = IsPassThrough ? [] : Design(_phases, _taps, cutoff);
        _history = new float[_taps + ChunkSamples];
        // Samples before the start are silence: pre-fill half a filter of zeros so the first output is centred on input 0.
        _historyCount = _taps / 2;
        _historyStart = -_taps / 2;
    }

    /// <summary>Input sample rate in Hz.</summary>
    public int InputRate { get; }

    /// <summary>Output sample rate in Hz.</summary>
    public int OutputRate { get; }

    /// <summary>True when the rates are equal and samples are copied unchanged.</summary>
    public bool IsPassThrough { get; }

    /// <summary>Filter taps per output sample (cost per output sample).</summary>
    public int TapsPerPhase => _taps;

    /// <summary>The most samples <see cref="Process"/> can write for <paramref name="inputCount"/> input samples.</summary>
    public int MaxOutputFor(int inputCount) => (int)((inputCount * (long)_upFactor + _downFactor - 1) / _downFactor) + 2;

    /// <summary>The most samples <see cref="Flush"/> can write.</summary>
    public int MaxFlushOutput => MaxOutputFor(_taps) + 2;

    /// <summary>
    /// Converts a block of input. Returns the number of output samples written to <paramref name="output"/>, which
    /// must hold at least <see cref="MaxOutputFor"/>(input.Length) samples.
    /// </summary>
    public int Process(ReadOnlySpan<float> input, Span<float> output)
    {
        if (_flushed) throw new InvalidOperationException("The resampler was flushed; create a new one for a new stream.");
        if (output.Length < MaxOutputFor(input.Length))
            throw new ArgumentException($"The output must hold at least {MaxOutputFor(input.Length)} samples.", nameof(output));
        _inputCount += input.Length;
        if (IsPassThrough)
        {
            input.CopyTo(output);
            _outputCount += input.Length;
            return input.Length;
        }

        var written = 0;
        while (!input.IsEmpty)
        {
            var count = Math.Min(input.Length, _history.Length - _historyCount);
            input[..count].CopyTo(_history.AsSpan(_historyCount));
            _historyCount += count;
            input = input[count..];
            written += Drain(output[written..], long.MaxValue);
            Compact();
        }
        return written;
    }

    /// <summary>
    /// Ends the stream: emits the last outputs (as if silence followed the input). Returns the samples written to
    /// <paramref name="output"/>, which must hold at least <see cref="MaxFlushOutput"/> samples.
    /// </summary>
    public int Flush(Span<float> output)
    {
        if (_flushed) return 0;
        _flushed = true;
        if (IsPassThrough) return 0;
        var total = (_inputCount * _upFactor + _downFactor - 1) / _downFactor;
        var written = 0;
        var zeros = _taps / 2 + 1;
        while (zeros > 0 && _outputCount < total)
        {
            var count = Math.Min(zeros, _history.Length - _historyCount);
            _history.AsSpan(_historyCount, count).Clear();
            _historyCount += count;
            zeros -= count;
            written += Drain(output[written..], total);
            Compact();
        }
        return written;
    }

    /// <summary>Forgets all state so a new stream can be processed.</summary>
    public void Reset()
    {
        Array.Clear(_history);
        _historyCount = _taps / 2;
        _historyStart = -_taps / 2;
        _center = 0;
        _phaseAcc = 0;
        _inputCount = 0;
        _outputCount = 0;
        _flushed = false;
    }

    private int Drain(Span<float> output, long limit)
    {
        var half = _taps / 2;
        var written = 0;
        var available = _historyStart + _historyCount; // absolute index one past the last buffered sample
        var coefficients = _coefficients.AsSpan();
        var history = _history.AsSpan();
        while (_center + half < available && _outputCount < limit)
        {
            var phase = _phases == _upFactor ? _phaseAcc : (int)((long)_phaseAcc * _phases / _upFactor);
            var start = (int)(_center - half + 1 - _historyStart);
            output[written++] = Dot(history.Slice(start, _taps), coefficients.Slice(phase * _taps, _taps));
            _outputCount++;
            _phaseAcc += _downFactor;
            while (_phaseAcc >= _upFactor)
            {
                _phaseAcc -= _upFactor;
                _center++;
            }
        }
        return written;
    }

    // Keeps only the samples the next output still needs at the front of the history buffer.
    private void Compact()
    {
        var keepFrom = _center - _taps / 2 + 1;
        var drop = (int)Math.Clamp(keepFrom - _historyStart, 0, _historyCount);
        if (drop == 0) return;
        _history.AsSpan(drop, _historyCount - drop).CopyTo(_history);
        _historyCount -= drop;
        _historyStart += drop;
    }

    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = 0f;
        var i = 0;
        if (Vector.IsHardwareAccelerated && a.Length >= Vector<float>.Count)
        {
            var va = MemoryMarshal.Cast<float, Vector<float>>(a);
            var vb = MemoryMarshal.Cast<float, Vector<float>>(b);
            var acc = Vector<float>.Zero;
            for (var k = 0; k < va.Length; k++) acc += va[k] * vb[k];
            sum = Vector.Sum(acc);
            i = va.Length * Vector<float>.Count;
        }
        for (; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }

    // h(t) = 2fc·sinc(2fc·t)·kaiser(t), sampled at t = p/phases − k for tap k relative to the output instant.
    private static float[] Design(int phases, int taps, double cutoff)
    {
        var beta = 0.1102 * (StopBandDb - 8.7);
        var half = taps / 2;
        var i0Beta = BesselI0(beta);
        var coefficients = new float[phases * taps];
        for (var p = 0; p < phases; p++)
        {
            var fraction = p / (double)phases;
            for (var j = 0; j < taps; j++)
            {
                // Tap j multiplies input sample (center − half + 1 + j); its distance from the output instant:
                var t = fraction - (j - half + 1);
                var x = t / half;
                var window = Math.Abs(x) >= 1 ? 0 : BesselI0(beta * Math.Sqrt(1 - x * x)) / i0Beta;
                var arg = 2 * cutoff * t;
                var sinc = Math.Abs(arg) < 1e-12 ? 1 : Math.Sin(Math.PI * arg) / (Math.PI * arg);
                coefficients[p * taps + j] = (float)(2 * cutoff * sinc * window);
            }
        }
        return coefficients;
    }

    private static double BesselI0(double x)
    {
        double sum = 1, term = 1, half = x / 2;
        for (var k = 1; k < 64; k++)
        {
            term *= half / k;
            var add = term * term;
            sum += add;
            if (add < sum * 1e-17) break;
        }
        return sum;
    }

    private static int Gcd(int a, int b)
    {
        while (b != 0) (a, b) = (b, a % b);
        return a;
    }
}
