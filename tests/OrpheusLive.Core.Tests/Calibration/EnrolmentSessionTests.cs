using OrpheusLive.Core.Audio;
using OrpheusLive.Core.Calibration;
using OrpheusLive.Core.Pipeline;

namespace OrpheusLive.Core.Tests.Calibration;

public sealed class EnrolmentSessionTests
{
    private const string Model = "fake 1";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static EnrolmentSession NewSession(CalibrationOptions? options = null)
    {
        var model = new MeanCodedClassifier();
        var step = new PersonalCalibration(options ?? new CalibrationOptions(), model.Labels, Model);
        step.StartSession(null);
        var analyzer = new ClipAnalyzer(new WindowAnalyzer(model, new NonZeroSpeechDetector(), 0.25), 1);
        return new EnrolmentSession(step, analyzer, "alice");
    }

    // The listener's calm voice sounds sad to the model (code 2); the other emotions come through as asked.
    private static float[] Spoken(string label) => Audio.Segments((4, label switch
    {
        "neutral" => 2,
        "happy" => 1,
        "sad" => 2,
        _ => 3,
    }));

    [Fact]
    public void The_prompts_are_the_enrolment_lines_for_the_models_labels()
    {
        var session = NewSession();

        session.Prompts.ShouldBe(EnrolmentPrompt.For(["neutral", "happy", "sad", "angry"]));
        session.Prompts.Select(p => p.Label).Distinct().Count().ShouldBe(4);
        session.ProfileName.ShouldBe("alice");
    }

    [Fact]
    public void Clips_read_in_several_emotions_raise_the_confidence_in_the_asked_emotion_and_go_into_the_profile()
    {
        var session = NewSession();
        foreach (var (prompt, i) in session.Prompts.Select((p, i) => (p, i)))
        {
            session.Add($"line {i + 1}", prompt.Label, Spoken(prompt.Label));
        }

        var result = session.Enrol();

        result.Applied.ShouldBeTrue();
        result.Emotions.ShouldBe(4);
        result.Clips.Select(c => c.Label).ShouldBe(session.Prompts.Select(p => p.Label));
        session.Names.ShouldBe(session.Prompts.Select((_, i) => $"line {i + 1}"));
        var calm = result.Clips.Where(c => c.Label == "neutral").ToList();
        calm.ShouldAllBe(c => c.After > c.Before + 0.05, "the calm voice the model heard as sad is learnt");
        session.Result.ShouldBeSameAs(result);
        session.Learnt.EnrolledClips.ShouldBe(session.Prompts.Count);
        session.Learnt.ClassBias.ShouldContain(b => Math.Abs(b) > 0.01);
    }

    [Fact]
    public void A_label_the_model_does_not_know_is_refused_naming_the_labels_and_nothing_is_kept()
    {
        var session = NewSession();

        var error = Should.Throw<ArgumentException>(() => session.Add("bored.wav", "bored", Spoken("happy")));

        error.Message.ShouldContain("bored.wav");
        error.Message.ShouldContain("neutral, happy, sad, angry");
        session.Count.ShouldBe(0);
    }

    [Fact]
    public void An_enrolment_needs_a_clip_and_is_made_once()
    {
        var session = NewSession();

        Should.Throw<InvalidOperationException>(() => session.Enrol()).Message.ShouldContain("at least one line");
        session.Add("line 1", "HAPPY", Spoken("happy"));
        session.Enrol().Clips.ShouldHaveSingleItem().Label.ShouldBe("happy", "labels are matched ignoring case");
        Should.Throw<InvalidOperationException>(() => session.Enrol());
        Should.Throw<InvalidOperationException>(() => session.Add("line 2", "sad", Spoken("sad")));
    }

    [Fact]
    public async Task A_running_calibration_continues_from_a_replaced_profile_and_snapshots_it()
    {
        var session = NewSession();
        foreach (var prompt in session.Prompts)
        {
            session.Add(prompt.Line, prompt.Label, Spoken(prompt.Label));
        }

        session.Enrol();
        var live = new PersonalCalibration(new CalibrationOptions(), session.Step.Adaptation.Labels, Model);
        live.StartSession(null);
        var run = new CalibrationRun(live, "alice");

        await Task.Run(() => run.Replace(session.Learnt), Ct);

        run.State().EnrolledClips.ShouldBe(session.Prompts.Count);
        run.Snapshot().ClassBias.ShouldBe(session.Learnt.ClassBias);
        Should.Throw<CalibrationProfileException>(() => run.Replace(session.Learnt with { Model = "another 2" }));
        run.State().EnrolledClips.ShouldBe(session.Prompts.Count, "a profile that does not fit changes nothing");
    }

    [Fact]
    public void A_running_calibration_that_can_be_replaced_still_allocates_nothing_per_window()
    {
        var step = new PersonalCalibration(new CalibrationOptions(), SyntheticSpeaker.Labels, Model);
        step.StartSession(null);
        var run = new CalibrationRun(step, "alice");
        var speaker = new SyntheticSpeaker(SyntheticSpeaker.Bias("sad", 1.0), seed: 35);
        var windows = speaker.MixedSession(16).Select(speaker.Window).ToArray();
        var audio = TestVoices.Low(1);
        var output = new float[SyntheticSpeaker.Labels.Length];
        run.Process(audio, windows[0], output, 1, 3);

        var t = 4;
        Allocations.OnThisThread(() =>
        {
            foreach (var w in windows)
            {
                run.Process(audio, w, output, 1 / 3.0, t++);
            }
        }).ShouldBe(0, "the lock that lets the dashboard replace the profile costs no allocation");
    }

    [Fact]
    public async Task The_recorder_reads_one_line_of_audio_and_reports_its_progress_in_audio_time()
    {
        var audio = new Sources(() => new ArraySource(Audio.Segments((5, 1)), chunk: 4000));
        var progress = new List<RecordingProgress>();

        var samples = await new EnrolmentRecorder(audio, "mic-2").RecordAsync(3, progress.Add, Ct);

        samples.Length.ShouldBe(3 * IAudioSource.SampleRate);
        samples.ShouldAllBe(s => s > 0.09f);
        audio.Devices.ShouldBe(["mic-2"]);
        progress.Count.ShouldBe(12);
        progress.Select(p => p.Seconds).ShouldBeInOrder();
        progress[0].SecondsLeft.ShouldBe(3);
        progress[^1].Seconds.ShouldBe(3);
        progress[^1].SecondsLeft.ShouldBe(0);
        progress.ShouldAllBe(p => p.LevelDbfs > -25 && p.LevelDbfs < -15, "a 0.1 DC level is -20 dBFS");
    }

    [Fact]
    public async Task An_input_that_ends_early_leaves_the_rest_of_the_line_silent()
    {
        var audio = new Sources(() => new ArraySource(Audio.Segments((1, 1))));

        var samples = await new EnrolmentRecorder(audio, null).RecordAsync(2, null, Ct);

        samples.Length.ShouldBe(2 * IAudioSource.SampleRate);
        samples.AsSpan(IAudioSource.SampleRate).ToArray().ShouldAllBe(s => s == 0);
    }

    private sealed class Sources(Func<IAudioSource> open) : IAudioSourceFactory
    {
        public List<string?> Devices { get; } = [];

        public IAudioSource Open(string? inputFile, bool fast, string? device)
        {
            inputFile.ShouldBeNull("enrolment records from the microphone");
            Devices.Add(device);
            return open();
        }
    }
}
