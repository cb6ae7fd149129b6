using BenchmarkDotNet.Attributes;
using OrpheusLive.Audio;
using OrpheusLive.Audio.Decoding;
using OrpheusLive.Audio.Decoding.Formats;
using OrpheusLive.Core.Audio;
using OrpheusLive.Core.Calibration;
using OrpheusLive.Core.Pipeline;
using OrpheusLive.Onnx;

namespace OrpheusLive.Benchmarks;

/// <summary>
/// Personal calibration's cost per speech window (budget: 1 ms) next to the emotion model it follows, on windows of
/// the demo input: the adaptation of the probabilities alone, the voice-change check alone, and the whole step.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PercentileConfig))]
public class CalibrationBenchmarks
{
    private OnnxEmotionClassifier _model = null!;
    private PersonalCalibration _calibration = null!;
    private SpeakerAdaptation _adaptation = null!;
    private VoiceChangeDetector _detector = null!;
    private float[] _window = null!;
    private float[] _probabilities = null!;
    private float[] _adapted = null!;
    private CalibrationRun _run = null!;
    private WindowEvent _event = null!;

    [GlobalSetup]
    public void Setup()
    {
        _model = new OnnxEmotionClassifier(new OnnxOptions { Path = Path.Combine(AppContext.BaseDirectory, "models", "orpheus-ser.onnx") });
        var samples = new AudioDecoder([new WavAudioFormat()]).DecodeAll(Path.Combine(AppContext.BaseDirectory, "samples", "demo.wav"), TimeSpan.FromMinutes(10));
        _window = samples.AsSpan(IAudioSource.SampleRate * 4, _model.WindowSamples).ToArray();
        _probabilities = new float[_model.Labels.Count];
        _adapted = new float[_model.Labels.Count];
        _model.Classify(_window, _probabilities);
        var options = new CalibrationOptions();
        var model = $"{_model.Info.Name} {_model.Info.Version}";
        _calibration = new PersonalCalibration(options, _model.Labels, model);
        _adaptation = new SpeakerAdaptation(options, _model.Labels, model);
        _detector = new VoiceChangeDetector(options);
        var step = new PersonalCalibration(options, _model.Labels, model);
        step.StartSession(null);
        _run = new CalibrationRun(step, "bench");
        _event = new WindowEvent(3, true, 1, _model.Labels[0], _probabilities[0],
            [.. _model.Labels.Select((l, i) => new KeyValuePair<string, float>(l, _probabilities[i]))], 10, -20);
    }

    [GlobalCleanup]
    public void Cleanup() => _model.Dispose();

    /// <summary>The emotion model on one 3 s window (the peer the calibration is compared with).</summary>
    [Benchmark(Baseline = true)]
    public float Model()
    {
        _model.Classify(_window, _probabilities);
        return _probabilities[0];
    }

    /// <summary>Adapting one window's probabilities.</summary>
    [Benchmark]
    public float Adapt()
    {
        _adaptation.Adapt(_probabilities, _adapted, 1 / 3.0);
        return _adapted[0];
    }

    /// <summary>The voice-change check on one 3 s window.</summary>
    [Benchmark]
    public bool VoiceChange() => _detector.Process(_window, 1 / 3.0);

    /// <summary>The whole calibration step per speech window.</summary>
    [Benchmark]
    public bool WholeStep() => _calibration.Process(_window, _probabilities, _adapted, 1 / 3.0);

    /// <summary>What the live pipeline adds per speech window: the whole step plus the calibrated window event and state.</summary>
    [Benchmark]
    public WindowEvent PipelineHook() => _run.Calibrate(_event, _window, _probabilities, _model.Labels, 1 / 3.0);
}
