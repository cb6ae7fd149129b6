using System.Text.Json;
using OrpheusLive.Onnx.Interop;

namespace OrpheusLive.Onnx.Tests;

/// <summary>
/// Checks by behaviour that the OrtApi slot indices (counted from onnxruntime_c_api.h) reach the functions they name in
/// the library the build fetched: a wrong index would return nonsense, fail, or crash here rather than in the app.
/// </summary>
public sealed unsafe class OrtApiSlotTests
{
    private static OrtApi Api => OrtApi.Shared;

    [Fact]
    public void The_build_puts_the_native_runtime_and_the_vad_model_next_to_the_tests()
    {
        OrtApi.LibraryFileNames.Any(n => File.Exists(Path.Combine(AppContext.BaseDirectory, n))).ShouldBeTrue();
        File.Exists(TestFiles.VadModel).ShouldBeTrue();
        Path.GetDirectoryName(Api.LibraryPath).ShouldBe(Path.GetDirectoryName(typeof(OrtApi).Assembly.Location));
    }

    [Fact]
    public void Loads_the_expected_runtime_version() => Api.Version.ShouldBe(OrtApi.ExpectedVersion);

    [Fact]
    public void Status_slots_round_trip_code_and_message()
    {
        // CreateStatus (0) -> GetErrorCode (1), GetErrorMessage (2), ReleaseStatus (93) via Check.
        nint status = Api.CreateStatus(2, "slot check ✓");
        var error = Should.Throw<OrtException>(() => Api.Check(status));
        error.ErrorCode.ShouldBe(2);
        error.Message.ShouldBe("slot check ✓");
    }

    [Fact]
    public void Session_option_slots_accept_valid_values_and_reject_an_invalid_optimization_level()
    {
        nint options = Api.CreateSessionOptions(); // 10
        try
        {
            Api.SetIntraOpNumThreads(options, 2);  // 24
            Api.SetInterOpNumThreads(options, 1);  // 25
            Api.SetGraphOptimizationLevel(options, 99); // 23
            Api.SetSequentialExecution(options); // 13
            Api.DisableMemPattern(options); // 17
            var error = Should.Throw<OrtException>(() => Api.SetGraphOptimizationLevel(options, 42));
            error.Message.ShouldContain("optimization", Case.Insensitive);
        }
        finally
        {
            Api.ReleaseSessionOptions(options); // 100
        }
    }

    [Fact]
    public void Session_slots_describe_inputs_outputs_and_metadata()
    {
        using var session = OrtSession.OpenFromMemory(Api, File.ReadAllBytes(TestFiles.Fixture("tiny_dynamic.onnx")), 1); // 8

        // 30, 33, 36, 55, 56, 60, 61, 62, 98
        session.Inputs.Count.ShouldBe(1);
        session.Inputs[0].ShouldBe(new OrtTensorDescription("waveform", true, OrtElementType.Float, session.Inputs[0].Dimensions));
        session.Inputs[0].Dimensions.ShouldBe([1L, 1L, -1L]);
        // 31, 34, 37
        session.Outputs.Count.ShouldBe(1);
        session.Outputs[0].Name.ShouldBe("probs");
        // Declared [batch, 4]; ONNX Runtime's shape inference may resolve batch to 1 from the input's fixed leading dims.
        session.Outputs[0].Dimensions.Count.ShouldBe(2);
        session.Outputs[0].Dimensions[1].ShouldBe(4);

        // 111-118, 123
        OrtModelMetadata metadata = session.Metadata;
        metadata.ProducerName.ShouldBe("orpheus-fixtures");
        metadata.GraphName.ShouldBe("tiny_dynamic");
        metadata.Description.ShouldBe("OrpheusLive test fixture tiny_dynamic.onnx");
        metadata.Version.ShouldBe(3);
        metadata.Custom["labels"].ShouldBe("neutral,happy,sad,angry");
        metadata.Custom["window_samples"].ShouldBe("32000");
        metadata.Custom.Keys.ShouldBe(["labels", "name", "sample_rate", "version", "window_samples"], ignoreOrder: true);
    }

    [Fact]
    public void Int64_input_descriptions_come_through()
    {
        using var session = OrtSession.OpenFromMemory(Api, File.ReadAllBytes(TestFiles.VadModel), 1);
        session.Inputs.Select(i => (i.Name, i.ElementType)).ShouldBe([("input", OrtElementType.Float), ("state", OrtElementType.Float), ("sr", OrtElementType.Int64)]);
        session.Outputs.Select(o => o.Name).ShouldBe(["output", "stateN"]);
    }

    [Fact]
    public void Run_slots_compute_the_numpy_reference()
    {
        // CreateCpuMemoryInfo (69), CreateTensorWithDataAsOrtValue (49), Run (9), GetTensorMutableData (51), ReleaseValue (96)
        using var session = OrtSession.OpenFromMemory(Api, File.ReadAllBytes(TestFiles.Fixture("tiny_waveform.onnx")), 1);
        using var input = new OrtTensor<float>(Api, [1, 48000]);
        using var output = new OrtTensor<float>(Api, [1, 4]);
        TestSignals.FixtureWaveform(48000).CopyTo(input.Span);
        using var binding = new OrtRunBinding(session, [("waveform", input.Value)], [("probs", output.Value)]);

        binding.Run();

        float* data = (float*)Api.GetTensorMutableData(output.Value);
        fixed (float* ours = output.Span) (data == ours).ShouldBeTrue("ONNX Runtime must write into our pinned output buffer");
        float[] expected = ReferenceProbabilities("tiny_waveform.onnx");
        for (int i = 0; i < 4; i++) output.Span[i].ShouldBe(expected[i], 1e-5);
    }

    [Fact]
    public void Run_reports_errors_as_OrtException()
    {
        using var session = OrtSession.OpenFromMemory(Api, File.ReadAllBytes(TestFiles.Fixture("tiny_waveform.onnx")), 1);
        using var input = new OrtTensor<float>(Api, [1, 48000]);
        using var output = new OrtTensor<float>(Api, [1, 4]);
        using var binding = new OrtRunBinding(session, [("no_such_input", input.Value)], [("probs", output.Value)]);
        Should.Throw<OrtException>(binding.Run).Message.ShouldContain("no_such_input");
    }

    [Fact]
    public void CreateSession_reports_a_corrupt_model()
    {
        var error = Should.Throw<OrtException>(() => OrtSession.OpenFromMemory(Api, File.ReadAllBytes(TestFiles.Fixture("corrupt.onnx")), 1));
        error.Message.ShouldNotBeNullOrWhiteSpace();
    }

    internal static float[] ReferenceProbabilities(string model)
    {
        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(TestFiles.Fixture("reference.json")));
        return json.RootElement.GetProperty("expected").GetProperty(model).GetProperty("probabilities")
            .EnumerateArray().Select(e => (float)e.GetDouble()).ToArray();
    }
}
