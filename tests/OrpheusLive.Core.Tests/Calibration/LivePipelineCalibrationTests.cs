using Microsoft.Extensions.Logging.Abstractions;
using OrpheusLive.Core.Calibration;
using OrpheusLive.Core.Debouncing;
using OrpheusLive.Core.Pipeline;

namespace OrpheusLive.Core.Tests.Calibration;

public sealed class LivePipelineCalibrationTests
{
    private const string Model = "fake 1";
    private static readonly string[] Labels = ["neutral", "happy", "sad", "angry"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A saved voice that sounds happy whatever it says, learnt from a session of several emotions (gate open).</summary>
    private static SpeakerProfile HappyVoice() => new(
        SpeakerProfile.CurrentVersion, Model, [.. Labels], Weight: 200,
        MeanLogProbabilities: [-1, 3, -1, -1], MeanPosterior: [0.25, 0.25, 0.25, 0.25], MeanEntropy: 0.4,
        ClassBias: [0, 0, 0, 0], EnrolledClips: 0);

    private static async Task<(List<WindowEvent> Windows, Pipeline.State.PipelineState State)> RunAsync(CalibrationRun calibration)
    {
        var analyzer = new WindowAnalyzer(new MeanCodedClassifier(), new NonZeroSpeechDetector(), 0.25);
        using var pipeline = new LivePipeline(MemoryMoodStore.Default(), new ListenOptions(), new DebounceOptions(), NullLogger.Instance);
        var windows = new List<WindowEvent>();
        using var _ = pipeline.Events.Subscribe(e =>
        {
            if (e is WindowEvent w)
            {
                windows.Add(w);
            }
        });
        await pipeline.RunAsync(new ArraySource(Audio.Segments((12, 1), (3, -1))), analyzer, new RecordingPlayer(), Ct, calibration);
        return (windows, pipeline.Current);
    }

    [Fact]
    public async Task Speech_windows_reach_the_debouncer_calibrated_and_the_state_says_how_far_it_adapted()
    {
        var step = new PersonalCalibration(new CalibrationOptions { DetectVoiceChange = false }, Labels, Model);
        step.StartSession(HappyVoice()).ShouldBeNull();
        var checkpoints = new List<SpeakerProfile>();
        var run = new CalibrationRun(step, "alice", checkpoints.Add) { CheckpointSeconds = 5 };

        var (windows, state) = await RunAsync(run);

        // 10 windows of the happy-coded speech (3..12 s), then 2 that still hold enough of it to count as speech, then silence.
        windows.Count(w => w.Speech).ShouldBe(12);
        windows.Where(w => w.Speech).ShouldAllBe(w => w.Calibration != null);
        var speech = windows.Where(w => w.T <= 12).ToList();
        speech.Count.ShouldBe(10);
        speech.ShouldAllBe(w => w.Emotion == "happy");
        speech.ShouldAllBe(w => w.Confidence < 0.6f, "the model says 0.9, but this voice always sounds happy: the saved bias lowers it");
        speech.ShouldAllBe(w => Math.Abs(w.Scores.Sum(s => s.Value) - 1) < 1e-4);
        speech.ShouldAllBe(w => w.Scores.Single(s => s.Key == "happy").Value == w.Confidence);
        windows.Where(w => !w.Speech).ShouldAllBe(w => w.Calibration == null && w.Scores.Count == 0, "silence teaches nothing");

        var calibration = state.Calibration.ShouldNotBeNull();
        calibration.Enabled.ShouldBeTrue();
        calibration.Profile.ShouldBe("alice");
        calibration.Gate.ShouldBeGreaterThan(0);
        calibration.Strength.ShouldBeGreaterThan(0.5);
        // The profile counts as SessionKeepWindows (20) at the start, and 12 windows at hop 1 s / window 3 s add 12/3
        // (less the slow forgetting over MemoryWindows: 20 · (1 − 1/600)^12 ≈ 19.6).
        calibration.SpeechWindows.ShouldBe(19.6 + (12 / 3.0), 0.1);
        checkpoints.Count.ShouldBe(2, "one at 5 s, one at 10 s of audio");
        checkpoints[^1].Weight.ShouldBeGreaterThan(20);
    }

    [Fact]
    public async Task With_mode_off_the_model_output_is_used_as_it_is_and_the_state_says_so()
    {
        var step = new PersonalCalibration(new CalibrationOptions { Mode = CalibrationMode.Off }, Labels, Model);
        step.StartSession(HappyVoice());
        var checkpoints = new List<SpeakerProfile>();

        var (windows, state) = await RunAsync(new CalibrationRun(step, "default", checkpoints.Add) { CheckpointSeconds = 1 });

        windows.Where(w => w.Speech).ShouldAllBe(w => Math.Abs(w.Confidence - 0.9f) < 1e-6);
        windows.Where(w => w.T <= 12).ShouldAllBe(w => w.Emotion == "happy");
        state.Calibration.ShouldNotBeNull().Enabled.ShouldBeFalse();
        checkpoints.ShouldBeEmpty();
    }
}
