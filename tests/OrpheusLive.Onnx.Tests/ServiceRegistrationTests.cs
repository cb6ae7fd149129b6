using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrpheusLive.Core.Emotions;

namespace OrpheusLive.Onnx.Tests;

public sealed class ServiceRegistrationTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddOnnxInference(configuration).BuildServiceProvider();
    }

    [Fact]
    public void Binds_the_Model_section_and_registers_classifier_and_detector()
    {
        using ServiceProvider services = Build(new()
        {
            ["Model:Path"] = TestFiles.Fixture("tiny_waveform.onnx"),
            ["Model:ExecutionProvider"] = "Cpu",
            ["Model:SpeechThreshold"] = "0.6",
            ["Model:IntraOpThreads"] = "2",
        });

        OnnxOptions options = services.GetRequiredService<IOptions<OnnxOptions>>().Value;
        options.ExecutionProvider.ShouldBe(OnnxExecutionProvider.Cpu);
        options.IntraOpThreads.ShouldBe(2);

        services.GetRequiredService<IEmotionClassifier>().ShouldBeOfType<OnnxEmotionClassifier>().Labels.Count.ShouldBe(4);
        services.GetRequiredService<ISpeechDetector>().ShouldBeOfType<SileroSpeechDetector>().Threshold.ShouldBe(0.6f);
    }

    [Fact]
    public void Invalid_settings_are_reported_with_their_names()
    {
        using ServiceProvider services = Build(new() { ["Model:IntraOpThreads"] = "-1" });
        Should.Throw<OptionsValidationException>(() => services.GetRequiredService<IOptions<OnnxOptions>>().Value)
            .Message.ShouldContain("Model:IntraOpThreads is -1");
    }

    [Theory]
    [InlineData("cuda")]
    [InlineData("GPU")]
    [InlineData("1")]
    [InlineData("cpu,directml")]
    public void An_unknown_execution_provider_is_a_validation_failure_naming_the_setting_and_the_valid_values(string configured)
    {
        using ServiceProvider services = Build(new() { ["Model:ExecutionProvider"] = configured });
        var error = Should.Throw<OptionsValidationException>(() => services.GetRequiredService<IOptions<OnnxOptions>>().Value);
        error.Failures.ShouldHaveSingleItem().ShouldStartWith($"Model:ExecutionProvider is '{configured}'; use auto");
        error.Failures.Single().ShouldContain("cpu or directml");
    }

    [Theory]
    [InlineData("auto", OnnxExecutionProvider.Auto)]
    [InlineData("CPU", OnnxExecutionProvider.Cpu)]
    [InlineData(" DirectML ", OnnxExecutionProvider.DirectML)]
    [InlineData("directml", OnnxExecutionProvider.DirectML)]
    public void Execution_providers_bind_by_name_in_any_case(string configured, OnnxExecutionProvider expected)
    {
        using ServiceProvider services = Build(new() { ["Model:ExecutionProvider"] = configured });
        services.GetRequiredService<IOptions<OnnxOptions>>().Value.ExecutionProvider.ShouldBe(expected);
    }

    [Fact]
    public void A_missing_model_surfaces_as_ModelException_on_resolve()
    {
        using ServiceProvider services = Build(new() { ["Model:Path"] = "no/such/model.onnx" });
        Should.Throw<ModelException>(() => services.GetRequiredService<IEmotionClassifier>()).Message.ShouldContain("Emotion model not found");
    }
}
