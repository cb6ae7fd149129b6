using BenchmarkDotNet.Attributes;
using OrpheusLive.Onnx;

namespace OrpheusLive.Benchmarks;

/// <summary>The two speech gates over one 3 s window of noise: Silero VAD (93 chunks through ONNX Runtime) and the energy fallback.</summary>
[MemoryDiagnoser]
[Config(typeof(PercentileConfig))]
public class SpeechGateBenchmarks
{
    private SileroSpeechDetector _silero = null!;
    private EnergySpeechDetector _energy = null!;
    private float[] _window = null!;

    [GlobalSetup]
    public void Setup()
    {
        _silero = new SileroSpeechDetector(new OnnxOptions { VadPath = Path.Combine(AppContext.BaseDirectory, "models", "silero_vad_v5.onnx") });
        _energy = new EnergySpeechDetector();
        _window = Noise.Window(48_000, seed: 2);
    }

    [GlobalCleanup]
    public void Cleanup() => _silero.Dispose();

    [Benchmark(Baseline = true)]
    public float Silero() => _silero.SpeechFraction(_window);

    [Benchmark]
    public float Energy() => _energy.SpeechFraction(_window);
}
