using OrpheusLive.Core.Moods;
using OrpheusLive.Core.Pipeline;
using OrpheusLive.Core.Pipeline.State;

namespace OrpheusLive.Core.Tests;

public sealed class ListenerAffectTests
{
    private static float[] Constant(float value) => Enumerable.Repeat(value, 48_000).ToArray();

    [Fact]
    public void A_speech_window_carries_the_probability_weighted_mean_of_the_emotions_points()
    {
        var analyzer = new WindowAnalyzer(new MeanCodedClassifier(), null, 0.25);

        var happy = analyzer.Analyze(Constant(0.1f), 3, -20); // 0.9 happy, 0.033 each of neutral, sad, angry
        var sad = analyzer.Analyze(Constant(0.2f), 4, -20);

        var rest = 0.1 / 3;
        happy.Affect.ShouldNotBeNull();
        happy.Affect.Valence.ShouldBe((float)(0.9 * 0.80 + rest * (0 - 0.70 - 0.60)), 1e-4f);
        happy.Affect.Arousal.ShouldBe((float)(0.9 * 0.35 + rest * (0 - 0.40 + 0.70)), 1e-4f);
        sad.Affect!.Valence.ShouldBeLessThan(-0.5f);
        sad.Affect.Arousal.ShouldBeLessThan(0f);
    }

    [Fact]
    public void A_window_without_speech_has_no_affect_and_the_state_keeps_the_last_speech_window_s()
    {
        var analyzer = new WindowAnalyzer(new MeanCodedClassifier(), new NonZeroSpeechDetector(), 0.25);
        var speech = analyzer.Analyze(Constant(0.1f), 1, -20);
        var silence = analyzer.Analyze(new float[48_000], 2, -90);

        var state = PipelineStateReducer.Apply(PipelineStateReducer.Apply(PipelineState.Initial, speech), silence);

        silence.Affect.ShouldBeNull();
        state.Affect.ShouldBe(speech.Affect);
    }

    [Fact]
    public void Every_emotion_point_lies_in_the_plane_and_labels_without_a_point_are_left_out_of_the_mean()
    {
        MoodPlane.Default.EmotionPoints.Values.ShouldAllBe(p => Math.Abs(p.Valence) <= 1 && Math.Abs(p.Arousal) <= 1);
        var table = MoodPlane.Default.EmotionPointTable(["happy", "bored"]);

        table[1].ShouldBeNull();
        MoodPlane.FromProbabilities([0.5f, 0.5f], table).ShouldBe(MoodPlane.Default.EmotionPoints["happy"]);
        MoodPlane.FromProbabilities([0f, 1f], table).ShouldBeNull();
    }
}
