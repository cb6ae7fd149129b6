using Microsoft.Extensions.Logging;
using OrpheusLive.Core.Emotions;

namespace OrpheusLive.Onnx.Tests;

public sealed class OnnxEmotionClassifierTests
{
    private static OnnxEmotionClassifier Load(string fixture, ILogger<OnnxEmotionClassifier>? logger = null) =>
        new(new OnnxOptions { Path = TestFiles.Fixture(fixture), ExecutionProvider = OnnxExecutionProvider.Cpu }, logger);

    [Theory]
    [InlineData("tiny_waveform.onnx")]
    [InlineData("tiny_logits.onnx")] // logits out: the classifier applies softmax
    [InlineData("tiny_rank1.onnx")]
    [InlineData("tiny_dynamic.onnx")] // dynamic length: window from window_samples metadata (32000)
    public void Classify_matches_the_numpy_reference(string fixture)
    {
        using var classifier = Load(fixture);
        float[] expected = TestFiles.ReferenceProbabilities(fixture);
        float[] window = TestSignals.FixtureWaveform(classifier.WindowSamples);
        var probabilities = new float[classifier.Labels.Count];

        classifier.Classify(window, probabilities);

        for (int i = 0; i < expected.Length; i++) probabilities[i].ShouldBe(expected[i], 1e-5, $"label {classifier.Labels[i]}");
        probabilities.Sum().ShouldBe(1f, 1e-5);
    }

    [Fact]
    public void Reads_labels_window_and_info_from_the_model()
    {
        using var classifier = Load("tiny_waveform.onnx");

        classifier.Labels.ShouldBe(["neutral", "happy", "sad", "angry"]);
        classifier.WindowSamples.ShouldBe(48000);
        classifier.ExecutionProvider.ShouldBe("CPU");
        classifier.Info.Path.ShouldBe(TestFiles.Fixture("tiny_waveform.onnx"));
        classifier.Info.Name.ShouldBe("tiny-waveform");
        classifier.Info.Version.ShouldBe("0.0.1-test");
        classifier.Info.Runtime.ShouldBe("ONNX Runtime 1.30.0 (CPU)");
        classifier.Info.Metadata["labels"].ShouldBe("neutral,happy,sad,angry");
        classifier.Info.Metadata["onnx.producer_name"].ShouldBe("orpheus-fixtures");
    }

    [Fact]
    public void Dynamic_input_length_comes_from_window_samples_metadata()
    {
        using var classifier = Load("tiny_dynamic.onnx");
        classifier.WindowSamples.ShouldBe(32000);
    }

    [Fact]
    public void Synonym_labels_are_mapped_to_canonical_names()
    {
        var logger = new ListLogger<OnnxEmotionClassifier>();
        using var classifier = Load("synonym_labels.onnx", logger);
        classifier.Labels.ShouldBe(["neutral", "happy", "sad", "angry"]);
    }

    [Fact]
    public void An_unknown_label_is_accepted_with_a_warning()
    {
        var logger = new ListLogger<OnnxEmotionClassifier>();
        using var classifier = Load("unknown_label.onnx", logger);

        classifier.Labels.ShouldBe(["neutral", "happy", "sad", "boredom"]);
        logger.Entries.ShouldContain(e => e.Level == LogLevel.Warning && e.Message.Contains("'boredom'"));
    }

    [Fact]
    public void Auto_runs_on_the_cpu_without_a_warning_off_windows()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "on Windows auto tries DirectML");
        var logger = new ListLogger<OnnxEmotionClassifier>();
        using var classifier = new OnnxEmotionClassifier(new OnnxOptions { Path = TestFiles.Fixture("tiny_waveform.onnx") }, logger);
        classifier.ExecutionProvider.ShouldBe("CPU");
        logger.Entries.ShouldBeEmpty();
    }

    [Fact]
    public void Asking_for_directml_off_windows_runs_on_the_cpu_with_one_warning_naming_the_setting()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "DirectML exists on Windows");
        var logger = new ListLogger<OnnxEmotionClassifier>();
        using var classifier = new OnnxEmotionClassifier(
            new OnnxOptions { Path = TestFiles.Fixture("tiny_waveform.onnx"), ExecutionProvider = OnnxExecutionProvider.DirectML }, logger);

        classifier.ExecutionProvider.ShouldBe("CPU");
        classifier.Info.Runtime.ShouldBe("ONNX Runtime 1.30.0 (CPU)");
        logger.Entries.ShouldHaveSingleItem().Message.ShouldContain("Model:ExecutionProvider is directml, but DirectML exists only on Windows");
    }

    [Fact]
    public void Classify_allocates_nothing_in_steady_state()
    {
        using var classifier = Load("tiny_logits.onnx"); // softmax path included
        float[] window = TestSignals.FixtureWaveform(classifier.WindowSamples);
        var probabilities = new float[classifier.Labels.Count];
        for (int i = 0; i < 5; i++) classifier.Classify(window, probabilities);

        long allocated = Allocations.OnThisThread(() =>
        {
            for (int i = 0; i < 500; i++) classifier.Classify(window, probabilities);
        });

        allocated.ShouldBe(0, "500 windows through the IoBinding must not allocate a single byte");
    }

    [Fact]
    public void Concurrent_calls_give_the_same_answer_as_sequential_ones()
    {
        using var classifier = Load("tiny_waveform.onnx");
        float[] window = TestSignals.FixtureWaveform(48000);
        var expected = new float[4];
        classifier.Classify(window, expected);

        float[][] results = Enumerable.Range(0, 8).Select(_ => new float[4]).ToArray();
        Parallel.For(0, 64, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => classifier.Classify(window, results[i % 8]));

        foreach (float[] r in results) r.ShouldBe(expected);
    }

    [Fact]
    public void Different_windows_give_different_scores()
    {
        using var classifier = Load("tiny_waveform.onnx");
        var a = new float[4];
        var b = new float[4];
        classifier.Classify(TestSignals.FixtureWaveform(48000), a);
        classifier.Classify(TestSignals.WhiteNoise(48000, -20, seed: 1), b);
        a.ShouldNotBe(b);
    }

    [Fact]
    public void Wrong_window_or_output_length_is_an_argument_error()
    {
        using var classifier = Load("tiny_waveform.onnx");
        Should.Throw<ArgumentException>(() => classifier.Classify(new float[47999], new float[4])).ParamName.ShouldBe("window");
        Should.Throw<ArgumentException>(() => classifier.Classify(new float[48000], new float[3])).ParamName.ShouldBe("probabilities");
    }

    [Fact]
    public void Classify_after_dispose_throws_and_dispose_is_idempotent()
    {
        var classifier = Load("tiny_waveform.onnx");
        classifier.Dispose();
        classifier.Dispose();
        Should.Throw<ObjectDisposedException>(() => classifier.Classify(new float[48000], new float[4]));
    }

    [Fact]
    public void Implements_the_core_contract()
    {
        using IEmotionClassifier classifier = Load("tiny_waveform.onnx");
        classifier.Labels.ShouldAllBe(l => EmotionLabels.IsCanonical(l));
    }
}
