using BenchmarkDotNet.Attributes;
using OrpheusLive.Audio.Decoding;
using OrpheusLive.Audio.Decoding.Formats;
using OrpheusLive.Core.Audio;
using OrpheusLive.Core.Pipeline;
using OrpheusLive.Core.Windowing;
using OrpheusLive.Onnx;

namespace OrpheusLive.Benchmarks;

/// <summary>
/// Window → scores latency with the shipped model and the real ONNX Runtime (CPU, 1 intra-op thread as the app
/// uses it): the model alone, the speech gate alone, and the whole window path. Windows are cut from the demo input.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PercentileConfig))]
public class WindowLatencyBenchmarks
{
    private OnnxEmotionClassifier _model = null!;
    private SileroSpeechDetector _vad = null!;
    private WindowAnalyzer _analyzer = null!;
    private float[] _window = null!;
    private float[] _probabilities = null!;
    private RollingWindow _rolling = null!;
    private float[] _hop = null!;

    [GlobalSetup]
    public void Setup()
    {
        var options = new OnnxOptions
        {
            Path = Path.Combine(AppContext.BaseDirectory, "models", "orpheus-ser.onnx"),
            VadPath = Path.Combine(AppContext.BaseDirectory, "models", "silero_vad_v5.onnx"),
        };
        _model = new OnnxEmotionClassifier(options);
        _vad = new SileroSpeechDetector(options);
        _analyzer = new WindowAnalyzer(_model, _vad, 0.25);
        _probabilities = new float[_model.Labels.Count];

        var decoder = new AudioDecoder([new WavAudioFormat()]);
        var samples = decoder.DecodeAll(Path.Combine(AppContext.BaseDirectory, "samples", "demo.wav"), TimeSpan.FromMinutes(10));
        _window = samples.AsSpan(IAudioSource.SampleRate * 4, _model.WindowSamples).ToArray();
        _rolling = new RollingWindow(_model.WindowSamples, IAudioSource.SampleRate);
        _hop = samples.AsSpan(0, IAudioSource.SampleRate).ToArray();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _vad.Dispose();
        _model.Dispose();
    }

    /// <summary>The emotion model alone: 3 s of 16 kHz audio → probabilities.</summary>
    [Benchmark(Baseline = true)]
    public float Model()
    {
        _model.Classify(_window, _probabilities);
        return _probabilities[0];
    }

    /// <summary>The Silero speech gate over one 3 s window.</summary>
    [Benchmark]
    public float SpeechGate() => _vad.SpeechFraction(_window);

    /// <summary>Gate + model + event, as the live pipeline runs it per hop.</summary>
    [Benchmark]
    public float WholeWindowPath() => _analyzer.Analyze(_window, 0, AudioLevel.RmsDbfs(_window), forceSpeech: true).Confidence;

    /// <summary>Rolling-window bookkeeping per 1 s hop (must not allocate).</summary>
    [Benchmark]
    public int RollingWindowHop()
    {
        var n = _rolling.Write(_hop);
        if (_rolling.IsReady)
        {
            _rolling.CopyTo(_window);
        }

        return n;
    }
}
