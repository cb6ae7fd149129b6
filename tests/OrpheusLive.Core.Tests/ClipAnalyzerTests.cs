using OrpheusLive.Core.Pipeline;

namespace OrpheusLive.Core.Tests;

public sealed class ClipAnalyzerTests
{
    [Fact]
    public void A_short_clip_is_padded_to_one_window()
    {
        var model = new MeanCodedClassifier();
        var clip = new ClipAnalyzer(new WindowAnalyzer(model, null, 0.25), 1.0);

        // 1 s of level 0.6 padded with 2 s of zeros averages to 0.2 → "sad" (label 2).
        var result = clip.Analyze(Audio.Segments((1, 6)));

        result.Windows.ShouldBe(1);
        result.Emotion.ShouldBe("sad");
        result.DurationSeconds.ShouldBe(1);
    }

    [Fact]
    public void A_long_clip_averages_its_windows_including_one_at_the_end()
    {
        var model = new MeanCodedClassifier();
        var clip = new ClipAnalyzer(new WindowAnalyzer(model, null, 0.25), 1.0);

        // Windows start at 0, 1, 2, 3, 4 and 4.5 (the last one ends at the clip's end): happy, sad, sad, angry, angry, angry.
        var result = clip.Analyze(Audio.Segments((3, 1), (4.5, 3)));

        result.Windows.ShouldBe(6);
        result.Scores.Sum(s => s.Value).ShouldBe(1f, 1e-4f);
        result.Emotion.ShouldBe("angry");
        result.DurationSeconds.ShouldBe(7.5);
    }

    [Fact]
    public void Only_speech_windows_are_averaged_when_there_are_any()
    {
        var model = new MeanCodedClassifier();
        var clip = new ClipAnalyzer(new WindowAnalyzer(model, new NonZeroSpeechDetector(), 0.9), 1.0);

        var result = clip.Analyze(Audio.Segments((4, 1), (4, -1)));

        result.SpeechWindows.ShouldBe(2); // windows ending at 3 s and 4 s are all speech
        result.Emotion.ShouldBe("happy");
        result.Confidence.ShouldBe(0.9f, 1e-4f);
    }

    [Fact]
    public void An_empty_clip_is_rejected()
    {
        var clip = new ClipAnalyzer(new WindowAnalyzer(new MeanCodedClassifier(), null, 0.25), 1.0);
        Should.Throw<ArgumentException>(() => clip.Analyze(ReadOnlySpan<float>.Empty));
    }
}
