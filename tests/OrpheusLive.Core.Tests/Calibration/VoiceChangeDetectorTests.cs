using OrpheusLive.Core.Calibration;

namespace OrpheusLive.Core.Tests.Calibration;

public sealed class VoiceChangeDetectorTests
{
    private static float[] Low(int i) => TestVoices.Low(i);

    private static float[] High(int i) => TestVoices.High(i);

    [Fact]
    public void The_same_voice_raises_no_alarm()
    {
        var detector = new VoiceChangeDetector(new CalibrationOptions());

        var alarms = Enumerable.Range(0, 40).Count(i => detector.Process(Low(i)));

        alarms.ShouldBe(0);
        detector.LastStatistic.ShouldBeLessThan(new CalibrationOptions().VoiceChangeThreshold);
    }

    [Fact]
    public void Another_voice_is_found_within_a_few_windows_and_then_becomes_the_voice()
    {
        var detector = new VoiceChangeDetector(new CalibrationOptions());
        foreach (var i in Enumerable.Range(0, 20))
        {
            detector.Process(Low(i)).ShouldBeFalse();
        }

        var found = Enumerable.Range(0, 10).Select(i => detector.Process(High(i))).ToList();

        found.Count(f => f).ShouldBe(1); // within 10 windows (≈ 10 s live), as on real voices (calibration.md)
        Enumerable.Range(10, 20).Count(i => detector.Process(High(i))).ShouldBe(0);
    }

    [Fact]
    public void No_change_is_reported_before_the_warm_up()
    {
        var detector = new VoiceChangeDetector(new CalibrationOptions { VoiceWarmupWindows = 6 });
        detector.Process(Low(0));
        Enumerable.Range(0, 4).Count(i => detector.Process(High(i))).ShouldBe(0);
    }

    [Fact]
    public void Processing_a_window_allocates_nothing()
    {
        var detector = new VoiceChangeDetector(new CalibrationOptions());
        var windows = Enumerable.Range(0, 8).Select(Low).ToArray();
        detector.Process(windows[0]);

        Allocations.OnThisThread(() =>
        {
            foreach (var w in windows)
            {
                detector.Process(w, 1 / 3.0);
            }
        }).ShouldBe(0);
    }
}
