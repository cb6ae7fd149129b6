using System.Text.Json;
using OrpheusLive.Core.Calibration;

namespace OrpheusLive.Core.Tests.Calibration;

/// <summary>
/// The C# component computes what training/calibration.py measured: calibration-golden.json holds 40 real clips of a
/// validation speaker (the shipped model's probabilities), the adapted probabilities, final state and enrolment bias
/// Python computed for them, and the voice shape of a synthetic test voice. Regenerate with
/// <c>training/calibration.py --golden-only</c>.
/// </summary>
public sealed class ResearchParityTests
{
    private static readonly JsonElement Golden = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Calibration", "calibration-golden.json"))).RootElement;

    private static string[] Labels => [.. Golden.GetProperty("labels").EnumerateArray().Select(e => e.GetString()!)];

    private static float[] Floats(JsonElement e) => [.. e.EnumerateArray().Select(v => (float)v.GetDouble())];

    private static double[] Doubles(JsonElement e) => [.. e.EnumerateArray().Select(v => v.GetDouble())];

    [Fact]
    public void A_real_session_adapts_as_the_research_script_measured_it()
    {
        var adaptation = new SpeakerAdaptation(new CalibrationOptions(), Labels, "orpheus-ser 1.2.0");
        var output = new float[Labels.Length];
        var steps = Golden.GetProperty("steps").EnumerateArray().ToArray();
        steps.Length.ShouldBeGreaterThan(30);
        foreach (var step in steps)
        {
            adaptation.Adapt(Floats(step.GetProperty("probabilities")), output, step.GetProperty("weight").GetDouble());
            var expected = Floats(step.GetProperty("adapted"));
            for (var i = 0; i < output.Length; i++)
            {
                output[i].ShouldBe(expected[i], tolerance: 1e-5f);
            }
        }

        var state = Golden.GetProperty("final_state");
        adaptation.Weight.ShouldBe(state.GetProperty("weight").GetDouble(), tolerance: 1e-9);
        adaptation.Gate.ShouldBe(state.GetProperty("gate").GetDouble(), tolerance: 1e-6);
        var mean = Doubles(state.GetProperty("mean"));
        for (var i = 0; i < mean.Length; i++)
        {
            adaptation.Profile.MeanLogProbabilities[i].ShouldBe(mean[i], tolerance: 1e-5);
        }
    }

    [Fact]
    public void An_enrolment_fits_the_bias_the_research_script_fitted()
    {
        var enrolment = Golden.GetProperty("enrolment");
        var clips = enrolment.GetProperty("clips").EnumerateArray()
            .Select(c => new LabelledClip(c.GetProperty("label").GetString()!, [.. c.GetProperty("windows").EnumerateArray().Select(Floats)]))
            .ToArray();
        var adaptation = new SpeakerAdaptation(new CalibrationOptions(), Labels, "orpheus-ser 1.2.0");

        adaptation.Enrol(clips).Applied.ShouldBeTrue();

        var expected = Doubles(enrolment.GetProperty("class_bias"));
        for (var i = 0; i < expected.Length; i++)
        {
            adaptation.ClassBias[i].ShouldBe(expected[i], tolerance: 1e-4);
        }
    }

    [Fact]
    public void The_voice_shape_is_the_research_script_s()
    {
        var shape = new double[VoiceFeatures.Bands];
        new VoiceFeatures().Compute(TestVoices.Golden(), shape).ShouldBeTrue();

        var expected = Doubles(Golden.GetProperty("voice").GetProperty("shape"));
        for (var b = 0; b < shape.Length; b++)
        {
            shape[b].ShouldBe(expected[b], tolerance: 2e-3);
        }
    }
}
