using System.Diagnostics;
using OrpheusLive.Core.Emotions;

namespace OrpheusLive.Onnx.Tests;

public sealed class SileroSpeechDetectorTests : IDisposable
{
    private const int Window = 48000;
    private readonly SileroSpeechDetector _detector = new(new OnnxOptions());
    private readonly ITestOutputHelper _output;

    public SileroSpeechDetectorTests(ITestOutputHelper output) => _output = output;

    public void Dispose() => _detector.Dispose();

    [Fact]
    public void Loads_the_vad_model_the_build_copied_next_to_the_app()
    {
        _detector.ModelPath.ShouldBe(TestFiles.VadModel);
        _detector.Threshold.ShouldBe(0.5f);
        _detector.Runtime.ShouldBe("ONNX Runtime 1.30.0 (CPU)");
    }

    [Fact]
    public void Silence_is_not_speech() => _detector.SpeechFraction(new float[Window]).ShouldBe(0f);

    [Fact]
    public void Moderate_white_noise_is_mostly_not_speech()
    {
        float fraction = _detector.SpeechFraction(TestSignals.WhiteNoise(Window, rmsDbfs: -30, seed: 42));
        _output.WriteLine($"white noise -30 dBFS: {fraction:P1}");
        fraction.ShouldBeLessThan(0.1f);
    }

    [Fact]
    public void A_pure_tone_is_not_speech()
    {
        var tone = new float[Window];
        for (int i = 0; i < tone.Length; i++) tone[i] = 0.3f * MathF.Sin(2 * MathF.PI * 440 * i / 16000f);
        _detector.SpeechFraction(tone).ShouldBeLessThan(0.1f);
    }

    [Fact]
    public void Speech_is_mostly_speech()
    {
        (float[] speech, int rate) = Pcm16Wav.Read(TestFiles.Fixture("speech-en-16k.wav"));
        rate.ShouldBe(16000);
        float fraction = _detector.SpeechFraction(TestSignals.Window(speech, Window, start: 8000));
        _output.WriteLine($"espeak speech: {fraction:P1}");
        fraction.ShouldBeGreaterThan(0.6f);
    }

    [Fact]
    public void Speech_in_noise_is_still_found()
    {
        (float[] speech, _) = Pcm16Wav.Read(TestFiles.Fixture("speech-en-16k.wav"));
        float[] window = TestSignals.Window(speech, Window, start: 8000);
        float[] noise = TestSignals.WhiteNoise(Window, rmsDbfs: -40, seed: 3);
        for (int i = 0; i < Window; i++) window[i] += noise[i];
        _detector.SpeechFraction(window).ShouldBeGreaterThan(0.5f);
    }

    [Fact]
    public void A_recorded_voice_is_mostly_speech_when_the_shared_corpus_is_available()
    {
        // Real speech (RAVDESS, CC BY-NC-SA 4.0) from the training corpus, decoded at test time; not committed.
        string clip = Path.Combine(TestFiles.RepoRoot, "..", "shared", "ser", "audio", "ravdess", "Actor_17", "03-01-05-02-01-01-17.opus");
        Assert.SkipUnless(File.Exists(clip), $"shared corpus clip not present: {clip}");
        string wav = Path.Combine(Path.GetTempPath(), $"orpheus-vad-{Guid.NewGuid():N}.wav");
        try
        {
            using (var decode = Process.Start(new ProcessStartInfo("opusdec", ["--quiet", "--rate", "16000", clip, wav]) { RedirectStandardError = true }))
            {
                Assert.SkipWhen(decode is null, "opusdec is not installed");
                decode!.WaitForExit();
                Assert.SkipWhen(decode.ExitCode != 0, "opusdec failed: " + decode.StandardError.ReadToEnd());
            }

            // The clip is ~1 s of room tone, ~1.4 s of speech (chunks 32..76 by energy), then room tone again.
            (float[] samples, _) = Pcm16Wav.Read(wav);
            float leadIn = _detector.SpeechFraction(samples.AsSpan(0, 28 * 512));
            float spoken = _detector.SpeechFraction(samples.AsSpan(32 * 512, 44 * 512));
            _output.WriteLine($"RAVDESS angry clip: lead-in {leadIn:P1}, spoken part {spoken:P1}");
            leadIn.ShouldBeLessThan(0.1f);
            spoken.ShouldBeGreaterThan(0.8f);
        }
        finally
        {
            File.Delete(wav);
        }
    }

    [Fact]
    public void State_is_reset_per_window_so_the_same_window_scores_the_same()
    {
        (float[] speech, _) = Pcm16Wav.Read(TestFiles.Fixture("speech-en-16k.wav"));
        float[] window = TestSignals.Window(speech, Window, start: 8000);
        float first = _detector.SpeechFraction(window);
        _detector.SpeechFraction(TestSignals.WhiteNoise(Window, -20, seed: 9));
        _detector.SpeechFraction(window).ShouldBe(first);
    }

    [Fact]
    public void A_window_shorter_than_one_chunk_is_not_speech() =>
        _detector.SpeechFraction(new float[SileroSpeechDetector.ChunkSamples - 1]).ShouldBe(0f);

    [Fact]
    public void A_higher_threshold_never_finds_more_speech()
    {
        (float[] speech, _) = Pcm16Wav.Read(TestFiles.Fixture("speech-en-16k.wav"));
        float[] window = TestSignals.Window(speech, Window, start: 8000);
        using var strict = new SileroSpeechDetector(new OnnxOptions { SpeechThreshold = 0.95f });
        strict.SpeechFraction(window).ShouldBeLessThanOrEqualTo(_detector.SpeechFraction(window));
    }

    [Fact]
    public void SpeechFraction_allocates_nothing_in_steady_state()
    {
        float[] window = TestSignals.WhiteNoise(Window, -30, seed: 5);
        _detector.SpeechFraction(window);
        Allocations.OnThisThread(() =>
        {
            for (int i = 0; i < 20; i++) _detector.SpeechFraction(window); // 20 windows × 93 chunk runs
        }).ShouldBe(0, "1860 Silero runs through the IoBinding must not allocate a single byte");
    }

    [Fact]
    public void A_model_that_is_not_silero_is_rejected()
    {
        var error = Should.Throw<ModelException>(() => new SileroSpeechDetector(new OnnxOptions { VadPath = TestFiles.Fixture("tiny_waveform.onnx") }));
        error.Message.ShouldContain("is not a Silero VAD v5 model");
        error.Message.ShouldContain("Hint:");
    }

    [Fact]
    public void The_factory_falls_back_to_the_energy_detector_when_the_vad_cannot_load()
    {
        var logger = new ListLoggerFactory();
        ISpeechDetector detector = SpeechDetectorFactory.Create(new OnnxOptions { VadPath = "no/such/vad.onnx" }, logger);
        detector.ShouldBeOfType<EnergySpeechDetector>();
        logger.Messages.ShouldContain(m => m.Contains("energy-based speech detector") && m.Contains("no/such/vad.onnx"));
    }

    [Fact]
    public void The_factory_prefers_silero()
    {
        ISpeechDetector detector = SpeechDetectorFactory.Create(new OnnxOptions());
        detector.ShouldBeOfType<SileroSpeechDetector>();
        ((IDisposable)detector).Dispose();
    }
}
