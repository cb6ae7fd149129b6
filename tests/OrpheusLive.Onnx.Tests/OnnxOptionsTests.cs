using Microsoft.Extensions.Options;

namespace OrpheusLive.Onnx.Tests;

public sealed class OnnxOptionsTests
{
    [Fact]
    public void Defaults_are_valid() => new OnnxOptions().GetValidationErrors().ShouldBeEmpty();

    [Fact]
    public void Every_problem_is_listed_with_the_setting_name()
    {
        var options = new OnnxOptions
        {
            Path = " ",
            VadPath = "",
            IntraOpThreads = -1,
            InterOpThreads = 65,
            ExecutionProvider = (OnnxExecutionProvider)7,
            SpeechThreshold = float.NaN,
        };

        var error = Should.Throw<OptionsValidationException>(options.Validate);

        error.Failures.Count().ShouldBe(6);
        error.Failures.ShouldContain(f => f.StartsWith("Model:Path is empty"));
        error.Failures.ShouldContain(f => f.StartsWith("Model:VadPath is empty"));
        error.Failures.ShouldContain(f => f.StartsWith("Model:IntraOpThreads is -1"));
        error.Failures.ShouldContain(f => f.StartsWith("Model:InterOpThreads is 65"));
        error.Failures.ShouldContain(f => f.StartsWith("Model:ExecutionProvider is '7'"));
        error.Failures.ShouldContain(f => f.StartsWith("Model:SpeechThreshold is NaN"));
    }

    [Theory]
    [InlineData(0f)]
    [InlineData(1f)]
    [InlineData(-0.2f)]
    public void Speech_threshold_must_be_strictly_between_0_and_1(float threshold) =>
        new OnnxOptions { SpeechThreshold = threshold }.GetValidationErrors().Count.ShouldBe(1);

    [Fact]
    public void The_classifier_validates_its_options_before_touching_the_file() =>
        Should.Throw<OptionsValidationException>(() => new OnnxEmotionClassifier(new OnnxOptions { IntraOpThreads = -3 }));

    [Fact]
    public void An_undefined_provider_set_in_code_is_named_with_the_valid_values() =>
        new OnnxOptions { ExecutionProvider = (OnnxExecutionProvider)7 }.GetValidationErrors().ShouldBe(
            ["Model:ExecutionProvider is '7'; use auto (DirectML on Windows when it loads, else the CPU), cpu or directml."]);

    [Fact]
    public void DirectML_is_only_preferred_on_windows()
    {
        new OnnxOptions { ExecutionProvider = OnnxExecutionProvider.Auto }.PrefersDirectML.ShouldBe(OperatingSystem.IsWindows());
        new OnnxOptions { ExecutionProvider = OnnxExecutionProvider.Cpu }.PrefersDirectML.ShouldBeFalse();
    }
}
