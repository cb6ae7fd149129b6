using OrpheusLive.Core.Calibration;

namespace OrpheusLive.Core.Tests.Calibration;

public sealed class PersonalCalibrationTests
{
    private const string Model = "test-model 1.0";
    private static readonly string[] Labels = SyntheticSpeaker.Labels;

    private static float[] LowVoice(int i) => TestVoices.Low(i);

    private static float[] HighVoice(int i) => TestVoices.High(i);

    [Fact]
    public void Off_passes_the_probabilities_through()
    {
        var calibration = new PersonalCalibration(new CalibrationOptions { Mode = CalibrationMode.Off }, Labels, Model);
        var speaker = new SyntheticSpeaker(SyntheticSpeaker.Bias("sad", 2), seed: 31);
        var output = new float[Labels.Length];
        var audio = LowVoice(0);
        foreach (var emotion in speaker.MixedSession(30))
        {
            var p = speaker.Window(emotion);
            calibration.Process(audio, p, output, 1);
            output.ShouldBe(p);
        }

        calibration.Enabled.ShouldBeFalse();
    }

    [Fact]
    public void A_new_voice_softens_what_was_learnt()
    {
        var options = new CalibrationOptions();
        var calibration = new PersonalCalibration(options, Labels, Model);
        var speaker = new SyntheticSpeaker(SyntheticSpeaker.Bias("sad", 1.5), seed: 32);
        var output = new float[Labels.Length];
        var session = speaker.MixedSession(60);
        for (var i = 0; i < 30; i++)
        {
            calibration.Process(LowVoice(i), speaker.Window(session[i]), output, 1).ShouldBeFalse();
        }

        calibration.Adaptation.Weight.ShouldBeGreaterThan(20);
        var changedAt = -1;
        for (var i = 30; i < 42; i++)
        {
            if (calibration.Process(HighVoice(i), speaker.Window(session[i]), output, 1))
            {
                changedAt = i;
                break;
            }
        }

        changedAt.ShouldBeGreaterThanOrEqualTo(30);
        calibration.VoiceChanges.ShouldBe(1);
        calibration.Adaptation.Weight.ShouldBeLessThanOrEqualTo(options.VoiceChangeKeepWindows + 1);
    }

    [Fact]
    public void A_session_from_a_saved_profile_starts_adapted_but_counts_it_as_at_most_a_minute()
    {
        var options = new CalibrationOptions();
        var first = new PersonalCalibration(options, Labels, Model);
        var speaker = new SyntheticSpeaker(SyntheticSpeaker.Bias("sad", 1.5), seed: 33);
        var output = new float[Labels.Length];
        foreach (var emotion in speaker.MixedSession(100))
        {
            first.Process(LowVoice(0), speaker.Window(emotion), output, 1);
        }

        var next = new PersonalCalibration(options, Labels, Model);
        next.StartSession(first.Adaptation.Profile).ShouldBeNull();

        next.Adaptation.Weight.ShouldBe(options.SessionKeepWindows);
        next.Adaptation.Bias[Array.IndexOf(Labels, "sad")].ShouldBeGreaterThan(0.5);
    }

    [Fact]
    public void A_profile_that_does_not_fit_gives_a_reason_and_a_fresh_start()
    {
        var calibration = new PersonalCalibration(new CalibrationOptions(), Labels, Model);
        var broken = SpeakerProfile.Empty(Labels, "another-model 9") with { Weight = 50 };

        var reason = calibration.StartSession(broken);

        reason.ShouldNotBeNull().ShouldContain("another-model 9");
        calibration.Adaptation.Weight.ShouldBe(0);
    }

    [Fact]
    public void The_whole_step_allocates_nothing_per_window()
    {
        var calibration = new PersonalCalibration(new CalibrationOptions(), Labels, Model);
        var speaker = new SyntheticSpeaker(SyntheticSpeaker.Bias("sad", 1.0), seed: 34);
        var windows = speaker.MixedSession(16).Select(speaker.Window).ToArray();
        var audio = LowVoice(1);
        var output = new float[Labels.Length];
        calibration.Process(audio, windows[0], output, 1);

        Allocations.OnThisThread(() =>
        {
            foreach (var w in windows)
            {
                calibration.Process(audio, w, output, 1 / 3.0);
            }
        }).ShouldBe(0);
    }
}
