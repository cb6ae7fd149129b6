using System.Diagnostics;

namespace OrpheusLive.Onnx.Tests;

/// <summary>
/// Prints Classify()/SpeechFraction() latency percentiles (run with --logger "console;verbosity=detailed" to see them).
/// Measurements only: nothing here asserts on time, which would be flaky on shared CI machines.
/// </summary>
public sealed class LatencyReport
{
    private readonly ITestOutputHelper _output;

    public LatencyReport(ITestOutputHelper output) => _output = output;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Real_model_classify_latency(int threads)
    {
        GoldenModel.SkipUnlessPresent(needGolden: false);
        using var classifier = new OnnxEmotionClassifier(new OnnxOptions { Path = GoldenModel.ModelPath, IntraOpThreads = threads });
        float[] window = TestSignals.WhiteNoise(classifier.WindowSamples, -30, seed: 1);
        var probabilities = new float[classifier.Labels.Count];
        Report($"orpheus-ser Classify, {threads} intra-op thread(s)", 100, () => classifier.Classify(window, probabilities));
    }

    [Fact]
    public void Silero_speech_fraction_latency()
    {
        using var detector = new SileroSpeechDetector(new OnnxOptions());
        float[] window = TestSignals.WhiteNoise(48000, -30, seed: 2);
        Report("Silero SpeechFraction (3 s window, 93 chunks)", 50, () => detector.SpeechFraction(window));
    }

    [Fact]
    public void Energy_speech_fraction_latency()
    {
        var detector = new EnergySpeechDetector();
        float[] window = TestSignals.WhiteNoise(48000, -30, seed: 3);
        Report("Energy SpeechFraction (3 s window)", 200, () => detector.SpeechFraction(window));
    }

    private void Report(string what, int runs, Action action)
    {
        for (int i = 0; i < 5; i++) action();
        var times = new double[runs];
        for (int i = 0; i < runs; i++)
        {
            long start = Stopwatch.GetTimestamp();
            action();
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        Array.Sort(times);
        string line = $"{what}: p50 {times[runs / 2]:F2} ms, p95 {times[(int)(runs * 0.95)]:F2} ms, max {times[^1]:F2} ms over {runs} runs";
        _output.WriteLine(line);
        TestContext.Current.SendDiagnosticMessage(line);
    }
}
