using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace OrpheusLive.Onnx.Tests;

/// <summary>
/// The official C# API runs on the native library the build fetched from npm: the resolver routes its
/// <c>DllImport("onnxruntime")</c> to the file next to the app, and values bound over our pinned buffers are read and
/// written in place.
/// </summary>
public sealed class NativeRuntimeTests
{
    [Fact]
    public void The_build_puts_the_native_runtime_and_the_vad_model_next_to_the_tests()
    {
        File.Exists(Path.Combine(AppContext.BaseDirectory, OnnxRuntimeNative.LibraryFileName)).ShouldBeTrue();
        File.Exists(TestFiles.VadModel).ShouldBeTrue();
    }

    [Fact]
    public void The_managed_api_runs_on_the_npm_library_next_to_the_app()
    {
        using var session = OnnxModelSession.OpenFromMemory(File.ReadAllBytes(TestFiles.Fixture("tiny_waveform.onnx")), 1);

        OnnxRuntimeNative.LibraryPath.ShouldBe(Path.Combine(AppContext.BaseDirectory, OnnxRuntimeNative.LibraryFileName));
        OrtEnv.Instance().GetVersionString().ShouldBe(OnnxRuntimeNative.ExpectedVersion);
        if (OperatingSystem.IsLinux())
        {
            // The process maps exactly that file: no other onnxruntime was picked up from the system.
            string[] mapped = [.. File.ReadLines("/proc/self/maps").Where(l => l.Contains("/libonnxruntime.so", StringComparison.Ordinal)).Select(l => l[l.IndexOf('/')..]).Distinct()];
            mapped.ShouldBe([OnnxRuntimeNative.LibraryPath]);
        }
    }

    [Fact]
    public void Sessions_describe_inputs_outputs_and_metadata()
    {
        using var session = OnnxModelSession.OpenFromMemory(File.ReadAllBytes(TestFiles.Fixture("tiny_dynamic.onnx")), 1);

        session.Inputs.Count.ShouldBe(1);
        session.Inputs[0].ShouldBe(new TensorDescription("waveform", true, TensorElementType.Float, session.Inputs[0].Dimensions));
        session.Inputs[0].Dimensions.ShouldBe([1L, 1L, -1L]);
        session.Outputs.Count.ShouldBe(1);
        session.Outputs[0].Name.ShouldBe("probs");
        // Declared [batch, 4]; ONNX Runtime's shape inference may resolve batch to 1 from the input's fixed leading dims.
        session.Outputs[0].Dimensions.Count.ShouldBe(2);
        session.Outputs[0].Dimensions[1].ShouldBe(4);

        session.Metadata.ProducerName.ShouldBe("orpheus-fixtures");
        session.Metadata.GraphName.ShouldBe("tiny_dynamic");
        session.Metadata.Description.ShouldBe("OrpheusLive test fixture tiny_dynamic.onnx");
        session.Metadata.Version.ShouldBe(3);
        session.Metadata.CustomMetadataMap.Keys.ShouldBe(["labels", "name", "sample_rate", "version", "window_samples"], ignoreOrder: true);
    }

    [Fact]
    public void Int64_and_scalar_inputs_are_described()
    {
        using var session = OnnxModelSession.OpenFromMemory(File.ReadAllBytes(TestFiles.VadModel), 1);
        session.Inputs.Select(i => (i.Name, i.ElementType)).ShouldBe([("input", TensorElementType.Float), ("state", TensorElementType.Float), ("sr", TensorElementType.Int64)]);
        session.Inputs[2].Dimensions.ShouldBeEmpty();
        session.Outputs.Select(o => o.Name).ShouldBe(["output", "stateN"]);
    }

    [Fact]
    public void A_bound_run_reads_and_writes_the_pinned_buffers_in_place()
    {
        using var session = OnnxModelSession.OpenFromMemory(File.ReadAllBytes(TestFiles.Fixture("tiny_waveform.onnx")), 1);
        using var input = new PinnedTensor<float>([1, 48000]);
        using var output = new PinnedTensor<float>([1, 4]);
        using var binding = new OnnxRunBinding(session.Session, [("waveform", input.Value)], [("probs", output.Value)]);

        binding.Run(); // silence
        float[] silent = output.Span.ToArray();
        TestSignals.FixtureWaveform(48000).CopyTo(input.Span); // changed after binding: the run must see it
        binding.Run();

        float[] expected = TestFiles.ReferenceProbabilities("tiny_waveform.onnx");
        for (int i = 0; i < 4; i++) output.Span[i].ShouldBe(expected[i], 1e-5);
        output.Span.ToArray().ShouldNotBe(silent);
    }

    [Fact]
    public void Binding_a_name_the_model_does_not_have_is_an_onnx_runtime_error()
    {
        using var session = OnnxModelSession.OpenFromMemory(File.ReadAllBytes(TestFiles.Fixture("tiny_waveform.onnx")), 1);
        using var input = new PinnedTensor<float>([1, 48000]);
        using var output = new PinnedTensor<float>([1, 4]);
        Should.Throw<OnnxRuntimeException>(() =>
        {
            using var binding = new OnnxRunBinding(session.Session, [("no_such_input", input.Value)], [("probs", output.Value)]);
            binding.Run();
        }).Message.ShouldContain("no_such_input");
    }

    [Fact]
    public void A_tensor_shape_must_be_positive() =>
        Should.Throw<ArgumentException>(() => new PinnedTensor<float>([1, 0])).Message.ShouldContain("[1, 0]");
}
