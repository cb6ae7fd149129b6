using BenchmarkDotNet.Attributes;
using OrpheusLive.Audio.Denoise;

namespace OrpheusLive.Benchmarks;

/// <summary>
/// Cost of the capture path's noise suppression per 100 ms of 16 kHz audio (one block as the live path delivers it),
/// against a plain copy of the block (the floor) and the SpeexDSP echo canceller on the same block (the other
/// capture-path stage, budget 2 ms per 100 ms).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PercentileConfig))]
public class NoiseSuppressorBenchmarks
{
    private const int Rate = 16_000;
    private const int Block = Rate / 10;
    private float[] _input = null!;
    private float[] _block = null!;
    private NoiseSuppressor _suppressor = null!;
    private OrpheusLive.Audio.Echo.EchoCanceller _canceller = null!;
    private int _position;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(5);
        _input = new float[10 * Rate];
        for (var i = 0; i < _input.Length; i++)
        {
            var voice = (i / 4000 % 2 == 0 ? 0.1 : 0.0) * Math.Sin(2 * Math.PI * 180 * i / Rate);
            _input[i] = (float)(voice + 0.01 * (random.NextDouble() - 0.5));
        }

        _block = new float[Block];
        _suppressor = new NoiseSuppressor(15);
        if (_suppressor.UnavailableReason is { } reason) throw new InvalidOperationException(reason);
        _canceller = new OrpheusLive.Audio.Echo.EchoCanceller(new OrpheusLive.Audio.Echo.EchoCancellerOptions());
        for (var s = 0; s + Block <= 3 * Rate; s += Block)
        {
            _input.AsSpan(s, Block).CopyTo(_block);
            _suppressor.Process(_block);
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _suppressor.Dispose();
        _canceller.Dispose();
    }

    /// <summary>The floor: copying 100 ms.</summary>
    [Benchmark(Baseline = true)]
    public float Copy()
    {
        _input.AsSpan(Next(), Block).CopyTo(_block);
        return _block[0];
    }

    /// <summary>Copying 100 ms and suppressing its noise in place (the live path's order).</summary>
    [Benchmark]
    public float Suppress()
    {
        _input.AsSpan(Next(), Block).CopyTo(_block);
        _suppressor.Process(_block);
        return _block[0];
    }

    /// <summary>The echo canceller (SpeexDSP MDF) on the same block, its own input as the reference.</summary>
    [Benchmark]
    public float EchoCancel()
    {
        var start = Next();
        _canceller.Process(_input.AsSpan(start, Block), _input.AsSpan(start, Block), _block);
        return _block[0];
    }

    private int Next()
    {
        if (_position + Block > _input.Length) _position = 0;
        var start = _position;
        _position += Block;
        return start;
    }
}
