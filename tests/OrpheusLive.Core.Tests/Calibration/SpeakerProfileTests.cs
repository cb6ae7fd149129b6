using System.Collections.Immutable;
using OrpheusLive.Core.Calibration;

namespace OrpheusLive.Core.Tests.Calibration;

public sealed class SpeakerProfileTests
{
    private const string Model = "test-model 1.0";
    private static readonly string[] Labels = SyntheticSpeaker.Labels;

    private static SpeakerAdaptation Learnt()
    {
        var adaptation = new SpeakerAdaptation(new CalibrationOptions(), Labels, Model);
        var speaker = new SyntheticSpeaker(SyntheticSpeaker.Bias("sad", 1.2), seed: 21);
        adaptation.Enrol([.. new[] { "neutral", "happy", "angry" }.Select(l => new LabelledClip(l, [speaker.Window(Array.IndexOf(Labels, l))]))]);
        var output = new float[Labels.Length];
        foreach (var emotion in speaker.MixedSession(40))
        {
            adaptation.Adapt(speaker.Window(emotion), output, 1);
        }

        return adaptation;
    }

    [Fact]
    public void A_profile_round_trips_through_json_and_continues_exactly_where_it_stopped()
    {
        var original = Learnt();
        var json = SpeakerProfileSerializer.Serialize(original.Profile);
        var restored = new SpeakerAdaptation(new CalibrationOptions(), Labels, Model);

        restored.Load(SpeakerProfileSerializer.Parse(json, "alice.json"));

        var speaker = new SyntheticSpeaker(SyntheticSpeaker.Bias("sad", 1.2), seed: 22);
        var a = new float[Labels.Length];
        var b = new float[Labels.Length];
        foreach (var emotion in speaker.MixedSession(12))
        {
            var p = speaker.Window(emotion);
            original.Adapt(p, a, 1);
            restored.Adapt(p, b, 1);
            b.ShouldBe(a);
        }

        restored.Profile.EnrolledClips.ShouldBe(3);
    }

    [Fact]
    public void An_empty_profile_is_valid_and_corrects_nothing()
    {
        var empty = SpeakerProfile.Empty(Labels, Model);
        empty.Validate(Labels, Model).ShouldBeNull();
        var adaptation = new SpeakerAdaptation(new CalibrationOptions(), Labels, Model);
        adaptation.Load(empty);
        adaptation.Bias.ToArray().ShouldAllBe(b => b == 0);
    }

    [Fact]
    public void A_profile_of_another_model_or_other_labels_is_rejected_and_changes_nothing()
    {
        var adaptation = Learnt();
        var before = adaptation.Profile;
        var otherModel = before with { Model = "orpheus-ser 1.3.0" };
        var otherLabels = before with { Labels = ["neutral", "calm", "happy", "sad", "angry", "fearful"] };

        Should.Throw<CalibrationProfileException>(() => adaptation.Load(otherModel)).Message.ShouldContain("orpheus-ser 1.3.0");
        Should.Throw<CalibrationProfileException>(() => adaptation.Load(otherLabels)).Message.ShouldContain("calm");
        adaptation.Profile.MeanLogProbabilities.ShouldBe(before.MeanLogProbabilities);
    }

    [Theory]
    [InlineData("nan mean")]
    [InlineData("short bias")]
    [InlineData("posterior")]
    [InlineData("negative weight")]
    [InlineData("version")]
    public void A_corrupt_profile_is_rejected_with_a_reason(string corruption)
    {
        var good = Learnt().Profile;
        var bad = corruption switch
        {
            "nan mean" => good with { MeanLogProbabilities = good.MeanLogProbabilities.SetItem(2, double.NaN) },
            "short bias" => good with { ClassBias = [1.0, 2.0] },
            "posterior" => good with { MeanPosterior = [.. Enumerable.Repeat(0.5, Labels.Length)] },
            "negative weight" => good with { Weight = -1 },
            _ => good with { Version = 99 },
        };

        bad.Validate(Labels, Model).ShouldNotBeNull().ShouldNotBeEmpty();
        Should.Throw<CalibrationProfileException>(() => new SpeakerAdaptation(new CalibrationOptions(), Labels, Model).Load(bad));
    }

    [Theory]
    [InlineData("{ not json", "not valid JSON")]
    [InlineData("[]", "expected a JSON object")]
    [InlineData("{\"version\":1}", "\"model\" is missing")]
    [InlineData("{\"version\":1,\"model\":\"m\",\"labels\":[\"a\"],\"weight\":\"NaN\"}", "\"weight\" must be a number")]
    public void Text_that_is_not_a_profile_is_reported_with_the_file_and_the_field(string json, string expected)
    {
        var e = Should.Throw<CalibrationProfileException>(() => SpeakerProfileSerializer.Parse(json, "/home/u/.config/orpheus/profiles/alice.json"));
        e.Message.ShouldStartWith("/home/u/.config/orpheus/profiles/alice.json: ");
        e.Message.ShouldContain(expected);
    }

    [Fact]
    public void The_json_names_every_field()
    {
        var json = SpeakerProfileSerializer.Serialize(SpeakerProfile.Empty(Labels, Model));
        foreach (var field in new[] { "version", "model", "labels", "weight", "mean_log_probabilities", "mean_posterior", "mean_entropy", "class_bias", "enrolled_clips" })
        {
            json.ShouldContain($"\"{field}\"");
        }

        SpeakerProfileSerializer.Parse(json, "x").Labels.ShouldBe(ImmutableArray.Create(Labels));
    }
}
