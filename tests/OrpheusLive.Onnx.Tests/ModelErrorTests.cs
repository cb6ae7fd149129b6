using Microsoft.ML.OnnxRuntime;
using OrpheusLive.Core.Emotions;

namespace OrpheusLive.Onnx.Tests;

/// <summary>Every way a model can be unusable ends in a ModelException that names the file, what is wrong, and a hint.</summary>
public sealed class ModelErrorTests
{
    private readonly ITestOutputHelper _output;

    public ModelErrorTests(ITestOutputHelper output) => _output = output;

    private static ModelException LoadFails(string path) =>
        Should.Throw<ModelException>(() => new OnnxEmotionClassifier(new OnnxOptions { Path = path, ExecutionProvider = OnnxExecutionProvider.Cpu }));

    [Theory]
    [InlineData("corrupt.onnx", "not a valid ONNX model or it is corrupt (ONNX Runtime: ")]
    [InlineData("wrong_input_shape.onnx", "input 'features' has shape [1, 40, 300]")]
    [InlineData("wrong_input_type.onnx", "input 'waveform' is float64 [1, 48000]")]
    [InlineData("two_inputs.onnx", "has 2 inputs ('waveform' float32 [1, 48000]; 'gain' float32 [1])")]
    [InlineData("missing_labels.onnx", "has no 'labels' metadata")]
    [InlineData("label_mismatch.onnx", "has 4 scores but the labels metadata names 3 (neutral, happy, sad)")]
    [InlineData("all_unknown_labels.onnx", "none of its labels (a, b, c, d) is an emotion OrpheusLive knows")]
    [InlineData("wrong_sample_rate.onnx", "declares sample_rate=8000")]
    public void A_bad_model_gets_a_message_naming_the_file_the_problem_and_a_hint(string fixture, string problem)
    {
        string path = TestFiles.Fixture(fixture);
        ModelException error = LoadFails(path);
        _output.WriteLine(error.Message);

        error.Message.ShouldContain($"'{path}'");
        error.Message.ShouldContain(problem);
        error.Message.ShouldContain("Hint:");
    }

    [Fact]
    public void The_corrupt_model_message_includes_what_onnx_runtime_said()
    {
        ModelException error = LoadFails(TestFiles.Fixture("corrupt.onnx"));
        error.InnerException.ShouldBeOfType<OnnxRuntimeException>();
        error.Message.ShouldContain(error.InnerException!.Message);
    }

    [Fact]
    public void A_missing_file_names_the_setting_to_change()
    {
        string path = Path.Combine(Path.GetTempPath(), $"orpheus-missing-{Guid.NewGuid():N}.onnx");
        ModelException error = LoadFails(path);
        error.Message.ShouldStartWith($"Emotion model not found: '{path}'");
        error.Message.ShouldContain("Model:Path");
    }

    [Fact]
    public void A_relative_missing_file_lists_where_it_was_looked_for()
    {
        ModelException error = LoadFails("models/definitely-not-here.onnx");
        error.Message.ShouldContain(Path.GetFullPath("models/definitely-not-here.onnx"));
        error.Message.ShouldContain(Path.Combine(AppContext.BaseDirectory, "models", "definitely-not-here.onnx"));
    }

    [Fact]
    public void An_empty_file_is_reported_as_such()
    {
        using var file = new TempFile([]);
        LoadFails(file.Path).Message.ShouldContain("is an empty file");
    }

    [Fact]
    public void A_git_lfs_pointer_is_recognised()
    {
        using var file = new TempFile("version https://git-lfs.github.com/spec/v1\noid sha256:0123\nsize 1234567\n"u8.ToArray());
        LoadFails(file.Path).Message.ShouldContain("Git LFS pointer");
    }

    [Fact]
    public void A_relative_path_is_found_next_to_the_app()
    {
        // Tests run with the output folder as app base; the fixture is there under fixtures/onnx.
        using var classifier = new OnnxEmotionClassifier(new OnnxOptions { Path = "fixtures/onnx/tiny_waveform.onnx", ExecutionProvider = OnnxExecutionProvider.Cpu });
        classifier.Info.Path.ShouldBe(TestFiles.Fixture("tiny_waveform.onnx"));
    }

    private sealed class TempFile : IDisposable
    {
        public TempFile(byte[] content)
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"orpheus-test-{Guid.NewGuid():N}.onnx");
            File.WriteAllBytes(Path, content);
        }

        public string Path { get; }

        public void Dispose() => File.Delete(Path);
    }
}
