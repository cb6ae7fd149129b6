using OrpheusLive.Core.Calibration;

namespace OrpheusLive.Core.Tests.Calibration;

public sealed class SpeakerAdaptationTests
{
    private const string Model = "test-model 1.0";
    private static readonly string[] Labels = SyntheticSpeaker.Labels;
    private static readonly int Sad = Array.IndexOf(Labels, "sad");
    private static readonly int Angry = Array.IndexOf(Labels, "angry");

    private static SpeakerAdaptation Create(CalibrationOptions? options = null) => new(options ?? new CalibrationOptions(), Labels, Model);

    /// <summary>Runs windows through the adaptation; returns how many of the last <paramref name="scored"/> it got right, raw and adapted.</summary>
    private static (int Raw, int Adapted) Run(SpeakerAdaptation adaptation, SyntheticSpeaker speaker, IReadOnlyList<int> emotions, int scored)
    {
        var adapted = new float[Labels.Length];
        int raw = 0, right = 0;
        for (var i = 0; i < emotions.Count; i++)
        {
            var p = speaker.Window(emotions[i]);
            adaptation.Adapt(p, adapted, 1);
            if (i < emotions.Count - scored)
            {
                continue;
            }

            raw += SyntheticSpeaker.ArgMax(p) == emotions[i] ? 1 : 0;
            right += SyntheticSpeaker.ArgMax(adapted) == emotions[i] ? 1 : 0;
        }

        return (raw, right);
    }

    [Fact]
    public void A_voice_that_sounds_sad_is_corrected_once_several_emotions_have_been_heard()
    {
        var speaker = new SyntheticSpeaker(SyntheticSpeaker.Bias("sad", 1.5), seed: 1);
        var adaptation = Create();

        var (raw, adapted) = Run(adaptation, speaker, speaker.MixedSession(120), scored: 60);

        adaptation.Gate.ShouldBe(1, tolerance: 1e-9);
        adaptation.Bias[Sad].ShouldBeGreaterThan(0.8); // it learnt the voice's pull towards "sad"
        adapted.ShouldBeGreaterThan(raw + 6);
    }

    [Fact]
    public void The_correction_builds_up_within_a_minute_of_speech()
    {
        var speaker = new SyntheticSpeaker(SyntheticSpeaker.Bias("sad", 1.5), seed: 2);
        var adaptation = Create();
        var session = speaker.MixedSession(40);
        var adapted = new float[Labels.Length];

        // 20 windows of 3 s of new speech = one minute.
        foreach (var emotion in session.Take(20))
        {
            adaptation.Adapt(speaker.Window(emotion), adapted, 1);
        }

        var afterAMinute = adaptation.Bias[Sad];
        foreach (var emotion in session.Skip(20))
        {
            adaptation.Adapt(speaker.Window(emotion), adapted, 1);
        }

        afterAMinute.ShouldBeGreaterThan(0.5 * adaptation.Bias[Sad]);
        afterAMinute.ShouldBeGreaterThan(0.6);
    }

    [Fact]
    public void A_session_of_one_emotion_keeps_that_emotion()
    {
        // An angry speaker (no voice bias): a naive mean subtraction would turn every window into something else.
        var speaker = new SyntheticSpeaker(new double[Labels.Length], seed: 3);
        var adaptation = Create();
        var angryOnly = Enumerable.Repeat(Angry, 120).ToArray();

        var (raw, adapted) = Run(adaptation, speaker, angryOnly, scored: 120);

        adaptation.Gate.ShouldBe(0, tolerance: 0.05);
        adapted.ShouldBeGreaterThanOrEqualTo(raw);
    }

    [Fact]
    public void One_loud_window_moves_the_running_mean_by_at_most_the_clamp_and_the_output_little()
    {
        var options = new CalibrationOptions();
        var speaker = new SyntheticSpeaker(SyntheticSpeaker.Bias("sad", 1.0), seed: 4);
        var adaptation = Create(options);
        var output = new float[Labels.Length];
        foreach (var emotion in speaker.MixedSession(60))
        {
            adaptation.Adapt(speaker.Window(emotion), output, 1);
        }

        var probe = speaker.Window(0);
        var before = new float[Labels.Length];
        var copy = Create();
        copy.Load(adaptation.Profile);
        copy.Adapt(probe, before, 1);
        var meanBefore = adaptation.Profile.MeanLogProbabilities;
        var weight = adaptation.Weight;

        // Shouting: the model is certain of "angry".
        var shout = new float[Labels.Length];
        shout[Angry] = 1;
        adaptation.Adapt(shout, output, 1);

        var meanAfter = adaptation.Profile.MeanLogProbabilities;
        var n = (1 - (1 / options.MemoryWindows)) * weight + 1;
        for (var i = 0; i < Labels.Length; i++)
        {
            Math.Abs(meanAfter[i] - meanBefore[i]).ShouldBeLessThanOrEqualTo((options.StepClampNats / n) + 1e-12);
        }

        var after = new float[Labels.Length];
        adaptation.Adapt(probe, after, 1);
        for (var i = 0; i < Labels.Length; i++)
        {
            Math.Abs(Math.Log(after[i]) - Math.Log(before[i])).ShouldBeLessThan(0.25);
        }
    }

    [Fact]
    public void After_a_voice_change_the_new_voice_takes_over_quickly()
    {
        var first = new SyntheticSpeaker(SyntheticSpeaker.Bias("sad", 1.5), seed: 5);
        var second = new SyntheticSpeaker(SyntheticSpeaker.Bias("happy", 1.5), seed: 6);
        var softened = Create();
        var kept = Create();
        var output = new float[Labels.Length];
        foreach (var emotion in first.MixedSession(150))
        {
            var p = first.Window(emotion);
            softened.Adapt(p, output, 1);
            kept.Adapt(p, output, 1);
        }

        softened.Forget(new CalibrationOptions().VoiceChangeKeepWindows);
        softened.Weight.ShouldBe(2);
        foreach (var emotion in second.MixedSession(20))
        {
            var p = second.Window(emotion);
            softened.Adapt(p, output, 1);
            kept.Adapt(p, output, 1);
        }

        var happy = Array.IndexOf(Labels, "happy");
        (softened.Bias[happy] - softened.Bias[Sad]).ShouldBeGreaterThan(0.5);
        (kept.Bias[happy] - kept.Bias[Sad]).ShouldBeLessThan(0);
    }

    [Fact]
    public void Enrolment_raises_the_confidence_of_the_enrolled_emotions()
    {
        // This voice's neutral comes out as sad: the enrolment teaches that.
        var speaker = new SyntheticSpeaker(SyntheticSpeaker.Bias("sad", 2.5), seed: 7);
        var clips = new[] { "neutral", "happy", "angry", "neutral", "happy", "angry" }
            .Select(label => new LabelledClip(label, [speaker.Window(Array.IndexOf(Labels, label)), speaker.Window(Array.IndexOf(Labels, label))]))
            .ToArray();
        var adaptation = Create();

        var result = adaptation.Enrol(clips);

        result.Applied.ShouldBeTrue();
        result.Emotions.ShouldBe(3);
        result.Summary.ShouldBe("Per-emotion corrections learnt from 3 emotions.");
        result.Clips.Average(c => c.After).ShouldBeGreaterThan(result.Clips.Average(c => c.Before) + 0.05);
        result.Clips.Where(c => c.Label == "neutral").ShouldAllBe(c => c.After > c.Before + 0.05);
        adaptation.ClassBias[Sad].ShouldBeLessThan(0);
        adaptation.Profile.EnrolledClips.ShouldBe(6);
    }

    [Fact]
    public void An_enrolment_of_one_emotion_only_feeds_the_running_statistics()
    {
        var speaker = new SyntheticSpeaker(new double[Labels.Length], seed: 8);
        var adaptation = Create();

        var result = adaptation.Enrol([.. Enumerable.Range(0, 6).Select(_ => new LabelledClip("neutral", [speaker.Window(0)]))]);

        result.Applied.ShouldBeFalse();
        result.Summary.ShouldBe("The lines covered 1 emotion(s); per-emotion corrections need 3: they only taught the voice's average.");
        adaptation.ClassBias.ToArray().ShouldAllBe(d => d == 0);
        adaptation.Weight.ShouldBe(6, tolerance: 0.2);
    }

    [Fact]
    public void An_enrolment_clip_with_an_unknown_label_is_refused_with_the_labels_named()
    {
        var e = Should.Throw<ArgumentException>(() => Create().Enrol([new LabelledClip("bored", [new float[Labels.Length]])]));
        e.Message.ShouldContain("'bored'");
        e.Message.ShouldContain("neutral, happy");
    }

    [Fact]
    public void A_window_that_is_not_a_probability_vector_passes_through_and_teaches_nothing()
    {
        var adaptation = Create();
        float[] bad = [float.NaN, 0.2f, 0.2f, 0.2f, 0.2f, 0.2f];
        var output = new float[Labels.Length];

        adaptation.Adapt(bad, output, 1);

        float.IsNaN(output[0]).ShouldBeTrue();
        adaptation.Weight.ShouldBe(0);
    }

    [Fact]
    public void Bad_weights_and_lengths_are_refused()
    {
        var adaptation = Create();
        Should.Throw<ArgumentOutOfRangeException>(() => adaptation.Adapt(new float[6], new float[6], 0));
        Should.Throw<ArgumentOutOfRangeException>(() => adaptation.Adapt(new float[6], new float[6], 1.5));
        Should.Throw<ArgumentException>(() => adaptation.Adapt(new float[5], new float[6], 1));
    }

    [Fact]
    public void The_same_windows_give_the_same_output_every_time()
    {
        var a = Create();
        var b = Create();
        var speaker = new SyntheticSpeaker(SyntheticSpeaker.Bias("fearful", 1.0), seed: 9);
        var oa = new float[Labels.Length];
        var ob = new float[Labels.Length];
        foreach (var emotion in speaker.MixedSession(50))
        {
            var p = speaker.Window(emotion);
            a.Adapt(p, oa, 0.5);
            b.Adapt(p, ob, 0.5);
            ob.ShouldBe(oa);
        }
    }

    [Fact]
    public void Adapting_a_window_allocates_nothing()
    {
        var adaptation = Create();
        var speaker = new SyntheticSpeaker(SyntheticSpeaker.Bias("sad", 1.0), seed: 10);
        var windows = speaker.MixedSession(64).Select(speaker.Window).ToArray();
        var output = new float[Labels.Length];
        adaptation.Adapt(windows[0], output, 1); // warm-up (JIT)

        Allocations.OnThisThread(() =>
        {
            foreach (var w in windows)
            {
                adaptation.Adapt(w, output, 1 / 3.0);
            }
        }).ShouldBe(0);
    }

    [Fact]
    public void Reset_forgets_the_voice_and_the_enrolment()
    {
        var speaker = new SyntheticSpeaker(SyntheticSpeaker.Bias("sad", 1.5), seed: 11);
        var adaptation = Create();
        adaptation.Enrol([.. new[] { "neutral", "happy", "angry" }.Select(l => new LabelledClip(l, [speaker.Window(Array.IndexOf(Labels, l))]))]);
        Run(adaptation, speaker, speaker.MixedSession(60), 1);

        adaptation.Reset();

        var p = speaker.Window(0);
        var output = new float[Labels.Length];
        adaptation.Adapt(p, output, 1);
        for (var i = 0; i < Labels.Length; i++)
        {
            output[i].ShouldBe(p[i], tolerance: 2e-6f); // nothing learnt before this window
        }
    }
}
