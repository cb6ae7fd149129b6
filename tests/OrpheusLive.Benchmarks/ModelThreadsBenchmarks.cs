using BenchmarkDotNet.Attributes;
using OrpheusLive.Onnx;

namespace OrpheusLive.Benchmarks;

/// <summary>
/// The emotion model with one and with two intra-op threads on a 3 s window of noise at about −30 dBFS (what the
/// former test-suite latency report printed; a measurement belongs here, where nothing pretends it is a test).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PercentileConfig))]
public class ModelThreadsBenchmarks
{
    private OnnxEmotionClassifier _model = null!;
    private float[] _window = null!;
    private float[] _probabilities = null!;

    /// <summary>ONNX Runtime intra-op threads (the app uses 1).</summary>
    [Params(1, 2)]
    public int IntraOpThreads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _model = new OnnxEmotionClassifier(new OnnxOptions
        {
            Path = Path.Combine(AppContext.BaseDirectory, "models", "orpheus-ser.onnx"),
            IntraOpThreads = IntraOpThreads,
        });
        _window = Noise.Window(_model.WindowSamples, seed: 1);
        _probabilities = new float[_model.Labels.Count];
    }

    [GlobalCleanup]
    public void Cleanup() => _model.Dispose();

    /// <summary>3 s of 16 kHz audio → probabilities.</summary>
    [Benchmark]
    public float Classify()
    {
        _model.Classify(_window, _probabilities);
        return _probabilities[0];
    }
}
