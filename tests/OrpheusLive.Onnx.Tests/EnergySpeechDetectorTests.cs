namespace OrpheusLive.Onnx.Tests;

public sealed class EnergySpeechDetectorTests
{
    private const int Window = 48000;
    private readonly ITestOutputHelper _output;

    public EnergySpeechDetectorTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Silence_is_not_speech() => new EnergySpeechDetector().SpeechFraction(new float[Window]).ShouldBe(0f);

    [Fact]
    public void Steady_white_noise_is_not_speech()
    {
        var detector = new EnergySpeechDetector();
        for (int seed = 0; seed < 3; seed++)
        {
            float fraction = detector.SpeechFraction(TestSignals.WhiteNoise(Window, rmsDbfs: -30, seed));
            fraction.ShouldBeLessThan(0.05f);
        }

        detector.NoiseFloorDbfs.ShouldBe(-30f, 1f);
    }

    [Fact]
    public void Speech_is_mostly_speech()
    {
        (float[] speech, _) = Pcm16Wav.Read(TestFiles.Fixture("speech-en-16k.wav"));
        float fraction = new EnergySpeechDetector().SpeechFraction(TestSignals.Window(speech, Window, start: 8000));
        _output.WriteLine($"espeak speech: {fraction:P1}");
        fraction.ShouldBeGreaterThan(0.5f);
    }

    [Fact]
    public void Speech_over_a_noise_floor_learnt_earlier_is_found()
    {
        var detector = new EnergySpeechDetector();
        detector.SpeechFraction(TestSignals.WhiteNoise(Window, -45, seed: 1));
        (float[] speech, _) = Pcm16Wav.Read(TestFiles.Fixture("speech-en-16k.wav"));
        float[] window = TestSignals.Window(speech, Window, start: 8000);
        float[] noise = TestSignals.WhiteNoise(Window, -45, seed: 2);
        for (int i = 0; i < Window; i++) window[i] += noise[i];
        detector.SpeechFraction(window).ShouldBeGreaterThan(0.5f);
    }

    [Fact]
    public void The_noise_floor_rises_slowly_and_falls_at_once()
    {
        var detector = new EnergySpeechDetector(floorRiseDbPerWindow: 3f);
        detector.SpeechFraction(TestSignals.WhiteNoise(Window, -60, seed: 1));
        detector.NoiseFloorDbfs.ShouldBe(-60f, 1f);
        detector.SpeechFraction(TestSignals.WhiteNoise(Window, -30, seed: 2));
        detector.NoiseFloorDbfs.ShouldBe(-57f, 1f);
        detector.SpeechFraction(TestSignals.WhiteNoise(Window, -70, seed: 3));
        detector.NoiseFloorDbfs.ShouldBe(-70f, 1f);
    }

    [Fact]
    public void A_window_shorter_than_one_frame_is_not_speech() =>
        new EnergySpeechDetector().SpeechFraction(new float[EnergySpeechDetector.FrameSamples - 1]).ShouldBe(0f);

    [Fact]
    public void Long_windows_work_and_short_ones_allocate_nothing()
    {
        var detector = new EnergySpeechDetector();
        detector.SpeechFraction(TestSignals.WhiteNoise(16000 * 30, -30, seed: 4)).ShouldBeLessThan(0.05f);

        float[] window = TestSignals.WhiteNoise(Window, -30, seed: 5);
        detector.SpeechFraction(window);
        Allocations.OnThisThread(() => detector.SpeechFraction(window)).ShouldBe(0);
    }
}
