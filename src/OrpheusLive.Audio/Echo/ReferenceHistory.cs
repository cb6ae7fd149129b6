namespace OrpheusLive.Audio.Echo;

/// <summary>
/// The recent reference signal, readable at fractional positions through a 32-tap Kaiser-windowed sinc
/// (1024 phases; an integer position reads the sample itself, exactly). Lets <see cref="EchoCanceller"/> delay the
/// reference by the estimated echo delay and stretch it by the estimated clock drift without moving the room's
/// echo path under the adaptive filter.
/// </summary>
/// <remarks>Allocation-free after construction. Not thread-safe.</remarks>
internal sealed class ReferenceHistory
{
    /// <summary>Samples the interpolator reads after the integer part of a position.</summary>
    public const int Lookahead = Taps / 2;

    private const int Taps = 32;
    private const int Phases = 1024;
    private static readonly float[] Kernel = DesignKernel();

    private readonly float[] _ring;
    private readonly int _mask;
    private long _written;

    /// <summary>Keeps at least <paramref name="capacity"/> samples.</summary>
    public ReferenceHistory(int capacity)
    {
        var size = 1;
        while (size < capacity + Taps) size <<= 1;
        _ring = new float[size];
        _mask = size - 1;
    }

    /// <summary>Samples written since the start (the index the next one gets).</summary>
    public long Written => _written;

    /// <summary>Appends samples.</summary>
    public void Write(ReadOnlySpan<float> samples)
    {
        foreach (var s in samples)
        {
            _ring[(int)(_written & _mask)] = s;
            _written++;
        }
    }

    /// <summary>The signal at absolute <paramref name="position"/>; samples not (or no longer) held read as silence.</summary>
    public float Read(double position)
    {
        var whole = (long)Math.Floor(position);
        var phase = (int)Math.Round((position - whole) * Phases);
        if (phase == Phases)
        {
            whole++;
            phase = 0;
        }

        if (phase == 0) return At(whole);
        var start = whole - (Taps / 2 - 1);
        var row = phase * Taps;
        float sum = 0;
        for (var j = 0; j < Taps; j++) sum += Kernel[row + j] * At(start + j);
        return sum;
    }

    /// <summary>Forgets the signal.</summary>
    public void Reset()
    {
        Array.Clear(_ring);
        _written = 0;
    }

    private float At(long index) =>
        index < 0 || index >= _written || index < _written - _ring.Length ? 0f : _ring[(int)(index & _mask)];

    private static float[] DesignKernel()
    {
        const double beta = 8.0;
        var kernel = new float[Phases * Taps];
        var norm = BesselI0(beta);
        for (var p = 0; p < Phases; p++)
        {
            var fraction = p / (double)Phases;
            for (var j = 0; j < Taps; j++)
            {
                var x = j - (Taps / 2 - 1) - fraction; // distance from the read position
                var sinc = Math.Abs(x) < 1e-12 ? 1.0 : Math.Sin(Math.PI * x) / (Math.PI * x);
                var r = x / (Taps / 2.0);
                var window = Math.Abs(r) >= 1 ? 0 : BesselI0(beta * Math.Sqrt(1 - r * r)) / norm;
                kernel[p * Taps + j] = (float)(sinc * window);
            }
        }

        return kernel;
    }

    private static double BesselI0(double x)
    {
        double sum = 1, term = 1;
        for (var k = 1; k < 50; k++)
        {
            term *= x / (2 * k) * (x / (2 * k));
            sum += term;
            if (term < sum * 1e-12) break;
        }

        return sum;
    }
}
