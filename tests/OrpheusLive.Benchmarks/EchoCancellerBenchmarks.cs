using BenchmarkDotNet.Attributes;
using OrpheusLive.Audio.Echo;

namespace OrpheusLive.Benchmarks;

/// <summary>
/// Cost of echo cancellation per 100 ms of 16 kHz capture (one block as the live path delivers it), aligned and
/// adapting: the canceller with each engine against a plain copy (the floor) and a textbook time-domain NLMS over the
/// same 256 ms filter (what the frequency-domain engines avoid). The budget is 2 ms per 100 ms.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PercentileConfig))]
public class EchoCancellerBenchmarks
{
    private const int Rate = 16_000;
    private const int Block = Rate / 10;
    private const int Seconds = 10;
    private float[] _music = null!;
    private float[] _mic = null!;
    private float[] _output = null!;
    private EchoCanceller _speex = null!;
    private EchoCanceller _fdaf = null!;
    private float[] _nlmsWeights = null!;
    private float[] _nlmsHistory = null!;
    private int _position;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(5);
        _music = new float[Seconds * Rate];
        double low = 0;
        for (var i = 0; i < _music.Length; i++)
        {
            low += 0.05 * (random.NextDouble() * 2 - 1 - low);
            _music[i] = (float)(0.5 * low + 0.01 * Math.Sin(2 * Math.PI * 220 * i / Rate));
        }

        // Echo: 120 ms late, a short decaying room, plus a little near-end noise.
        var room = new float[2048];
        for (var i = 0; i < room.Length; i++) room[i] = (float)((random.NextDouble() - 0.5) * 0.3 * Math.Exp(-i / 600.0));
        room[0] = 0.6f;
        _mic = new float[_music.Length];
        for (var n = 1920; n < _mic.Length; n++)
        {
            double sum = 0;
            for (var k = 0; k < room.Length && k <= n - 1920; k++) sum += room[k] * _music[n - 1920 - k];
            _mic[n] = (float)(sum + 0.001 * (random.NextDouble() - 0.5));
        }

        _output = new float[Block];
        _speex = Warm(new EchoCanceller(new EchoCancellerOptions { Engine = EchoCancellerEngine.Speex }));
        _fdaf = Warm(new EchoCanceller(new EchoCancellerOptions { Engine = EchoCancellerEngine.Fdaf }));
        _nlmsWeights = new float[new EchoCancellerOptions().FilterMilliseconds * Rate / 1000];
        _nlmsHistory = new float[_nlmsWeights.Length];
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _speex.Dispose();
        _fdaf.Dispose();
    }

    /// <summary>The floor: copying 100 ms.</summary>
    [Benchmark(Baseline = true)]
    public float Copy()
    {
        _mic.AsSpan(Next(), Block).CopyTo(_output);
        return _output[0];
    }

    /// <summary>The canceller with SpeexDSP's MDF (the default).</summary>
    [Benchmark]
    public float Speex()
    {
        var start = Next();
        _speex.Process(_mic.AsSpan(start, Block), _music.AsSpan(start, Block), _output);
        return _output[0];
    }

    /// <summary>The canceller with the own partitioned-block FDAF.</summary>
    [Benchmark]
    public float Fdaf()
    {
        var start = Next();
        _fdaf.Process(_mic.AsSpan(start, Block), _music.AsSpan(start, Block), _output);
        return _output[0];
    }

    /// <summary>A plain time-domain NLMS over the same filter length (no delay search, no double-talk handling).</summary>
    [Benchmark]
    public float TimeDomainNlms()
    {
        var start = Next();
        var capture = _mic.AsSpan(start, Block);
        var reference = _music.AsSpan(start, Block);
        var w = _nlmsWeights;
        var x = _nlmsHistory;
        for (var n = 0; n < capture.Length; n++)
        {
            Array.Copy(x, 0, x, 1, x.Length - 1);
            x[0] = reference[n];
            float y = 0, power = 1e-6f;
            for (var k = 0; k < w.Length; k++)
            {
                y += w[k] * x[k];
                power += x[k] * x[k];
            }

            var e = capture[n] - y;
            var mu = 0.5f * e / power;
            for (var k = 0; k < w.Length; k++) w[k] += mu * x[k];
            _output[n] = e;
        }

        return _output[0];
    }

    /// <summary>The start of the next 100 ms block (cycling through the signal).</summary>
    private int Next()
    {
        if (_position + Block > _mic.Length) _position = 0;
        var start = _position;
        _position += Block;
        return start;
    }

    private EchoCanceller Warm(EchoCanceller canceller)
    {
        for (var s = 0; s + Block <= 5 * Rate; s += Block) canceller.Process(_mic.AsSpan(s, Block), _music.AsSpan(s, Block), _output);
        if (!canceller.IsAligned) throw new InvalidOperationException("The benchmark's canceller did not align: " + canceller.UnavailableReason);
        return canceller;
    }
}
