using OrpheusLive.Audio.Echo;
using static OrpheusLive.Audio.Tests.EchoCancellation.EchoScenario;

namespace OrpheusLive.Audio.Tests.EchoCancellation;

public sealed class EchoCancellerTests
{
    private static EchoCanceller Create(EchoCancellerEngine engine, EchoCancellerOptions? options = null)
    {
        var canceller = new EchoCanceller((options ?? new EchoCancellerOptions()) with { Engine = engine });
        if (canceller.UnavailableReason is { } reason)
        {
            canceller.Dispose();
            Assert.Skip(reason); // scripts/setup.sh installs libspeexdsp1; only a machine without it gets here
        }

        return canceller;
    }

    [Theory]
    [InlineData(EchoCancellerEngine.Speex, 20)]
    [InlineData(EchoCancellerEngine.Fdaf, 15)]
    public void A_converged_canceller_removes_most_of_the_echo_of_a_room(EchoCancellerEngine engine, double minimumErle)
    {
        var music = Music(20 * Rate);
        var mic = Add(EchoOf(music, Room(0.3, 3000), 1600), Scale(Music(20 * Rate, seed: 9), 0.003));
        using var canceller = Create(engine);

        var output = Run(canceller, mic, music);

        canceller.IsAligned.ShouldBeTrue();
        var erle = Erle(mic, output, 15 * Rate, 5 * Rate);
        erle.ShouldBeGreaterThan(minimumErle, $"ERLE of the last 5 s: {erle:F1} dB");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(37)]
    [InlineData(120)]
    [InlineData(250)]
    [InlineData(480)]
    public void The_delay_from_playback_to_capture_is_estimated_within_a_millisecond(int delayMs)
    {
        var music = Music(8 * Rate);
        var mic = EchoOf(music, Room(0.4, 4000), delayMs * Rate / 1000);
        using var canceller = Create(EchoCancellerEngine.Fdaf);

        Run(canceller, mic, music);

        canceller.DelayMilliseconds.ShouldNotBeNull();
        canceller.DelayMilliseconds.Value.ShouldBe(delayMs, 1.0);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(-100)]
    public void Clock_drift_is_measured_and_compensated(double ppm)
    {
        var seconds = 60;
        var music = Music(seconds * Rate);
        var mic = EchoOf(music, Room(0.3, 3000), 2400, ppm);
        using var tracking = Create(EchoCancellerEngine.Speex);
        using var fixedRate = Create(EchoCancellerEngine.Speex, new EchoCancellerOptions { TrackDrift = false });

        var tracked = Run(tracking, mic, music);
        var untracked = Run(fixedRate, mic, music);

        // The capture clock runs fast: the delay shrinks by ppm, which the canceller reports as -ppm.
        tracking.DriftPpm.ShouldBe(-ppm, 10);
        var last = (seconds - 10) * Rate;
        var erleTracked = Erle(mic, tracked, last, 10 * Rate);
        var erleUntracked = Erle(mic, untracked, last, 10 * Rate);
        erleTracked.ShouldBeGreaterThan(18, $"with drift compensation {erleTracked:F1} dB");
        erleTracked.ShouldBeGreaterThan(erleUntracked + 3, $"with {erleTracked:F1} dB, without {erleUntracked:F1} dB");
    }

    [Theory]
    [InlineData(EchoCancellerEngine.Speex)]
    [InlineData(EchoCancellerEngine.Fdaf)]
    public void A_listener_talking_over_the_music_is_kept(EchoCancellerEngine engine)
    {
        // 12 s of music alone to converge, then 8 s of the voice as loud as the echo.
        var music = Music(20 * Rate);
        var echo = EchoOf(music, Room(0.3, 3000), 1600);
        var voice = new float[music.Length];
        Voice(8 * Rate).CopyTo(voice, 12 * Rate);
        var echoInTalk = Energy(echo.AsSpan(12 * Rate));
        voice = Scale(voice, Math.Sqrt(echoInTalk / Energy(voice)));
        var mic = Add(echo, voice);
        using var canceller = Create(engine);

        var output = Run(canceller, mic, music);

        var talk = 12 * Rate;
        var before = Correlation(mic.AsSpan(talk), voice.AsSpan(talk));
        var after = Correlation(output.AsSpan(talk), voice.AsSpan(talk));
        after.ShouldBeGreaterThan(before + 0.1, $"correlation with the voice: microphone {before:F2}, output {after:F2}");
        after.ShouldBeGreaterThan(0.8);
        // The voice itself comes through at its level (the part of the output along the voice), not cancelled.
        var kept = 20 * Math.Log10(Dot(output.AsSpan(talk), voice.AsSpan(talk)) / Energy(voice.AsSpan(talk)));
        kept.ShouldBe(0, 2.0, $"voice level through the canceller {kept:F2} dB");
    }

    [Theory]
    [InlineData("louder")]
    [InlineData("not a number")]
    public void A_diverging_filter_is_reset_and_reported_exactly_once(string kind)
    {
        var fault = kind == "louder" ? UnstableEngine.Fault.Louder : UnstableEngine.Fault.NotANumber;
        // A real filter that, after 10 s, starts making its output 4 times louder (or not-a-number) until it is reset.
        var music = Music(20 * Rate);
        var mic = Add(EchoOf(music, Room(0.3, 3000), 1600), Scale(Voice(20 * Rate), 0.5));
        var options = new EchoCancellerOptions { Engine = EchoCancellerEngine.Fdaf };
        UnstableEngine? unstable = null;
        using var canceller = new EchoCanceller(options, o => unstable = new UnstableEngine(new PartitionedBlockEchoEngine(o, Rate), fault, 10 * Rate));
        var reports = new List<EchoDivergenceEventArgs>();
        canceller.Diverged += (_, e) => reports.Add(e);

        double? faultAt = null;
        var output = Run(canceller, mic, music, afterBlock: end => faultAt ??= unstable!.FaultBegan ? end / (double)Rate : null);

        faultAt.ShouldNotBeNull();
        reports.Count.ShouldBe(1);
        reports[0].ResetCount.ShouldBe(1);
        // Within the divergence time (300 ms) of the first corrupted block (100 ms).
        reports[0].CaptureSeconds.ShouldBeInRange(faultAt.Value - 0.1, faultAt.Value + 0.4);
        unstable!.Resets.ShouldBe(1);
        // No frame ever came out louder than the microphone's (the guard replaces it), and no NaN.
        for (var start = 0; start + 128 <= mic.Length; start += 128)
        {
            var energy = Energy(output.AsSpan(start, 128));
            double.IsFinite(energy).ShouldBeTrue();
            energy.ShouldBeLessThanOrEqualTo(2 * Energy(mic.AsSpan(start, 128)) + 1e-9);
        }

        // After the reset it cancels again.
        Erle(mic, output, 16 * Rate, 4 * Rate).ShouldBeGreaterThan(3);
    }

    public static TheoryData<string> References => new() { "silent", "missing", "short" };

    [Theory]
    [MemberData(nameof(References))]
    public void Without_a_usable_reference_the_capture_passes_through_unchanged(string kind)
    {
        var voice = Voice(6 * Rate);
        float[]? reference = kind switch
        {
            "silent" => new float[voice.Length],
            "missing" => null,
            _ => Music(Rate / 2), // half a second, then nothing
        };
        var capture = kind == "short" ? Add(voice, EchoOf(Pad(reference!, voice.Length), Room(0.2, 2000), 800)) : voice;
        using var canceller = Create(EchoCancellerEngine.Speex);

        var output = Run(canceller, capture, reference);

        // Exactly the capture (after the filter's reach has passed for the short reference).
        var from = kind == "short" ? 2 * Rate : 0;
        output.AsSpan(from).SequenceEqual(capture.AsSpan(from)).ShouldBeTrue();
    }

    [Fact]
    public void Without_libspeexdsp_the_canceller_passes_through_and_says_why_once()
    {
        var music = Music(4 * Rate);
        var mic = Add(Voice(4 * Rate), EchoOf(music, Room(0.2, 2000), 800));
        using var canceller = new EchoCanceller(new EchoCancellerOptions(),
            _ => throw new DllNotFoundException("libspeexdsp.so.1: cannot open shared object file"));

        var output = Run(canceller, mic, music);

        canceller.UnavailableReason.ShouldNotBeNull();
        canceller.UnavailableReason.ShouldContain("libspeexdsp1");
        canceller.IsAligned.ShouldBeFalse();
        output.SequenceEqual(mic).ShouldBeTrue();
    }

    [Fact]
    public void Processing_a_block_allocates_nothing()
    {
        var music = Music(6 * Rate);
        var mic = EchoOf(music, Room(0.3, 3000), 1600);
        var output = new float[1600];
        foreach (var engine in new[] { EchoCancellerEngine.Speex, EchoCancellerEngine.Fdaf })
        {
            using var canceller = Create(engine);
            for (var s = 0; s < 3 * Rate; s += 1600) canceller.Process(mic.AsSpan(s, 1600), music.AsSpan(s, 1600), output);

            var allocated = Allocations.OnThisThread(() =>
            {
                for (var s = 3 * Rate; s < 6 * Rate; s += 1600) canceller.Process(mic.AsSpan(s, 1600), music.AsSpan(s, 1600), output);
            });

            canceller.IsAligned.ShouldBeTrue();
            allocated.ShouldBe(0, $"{engine} allocated {allocated} bytes over 30 blocks");
        }
    }

    [Theory]
    [InlineData(nameof(EchoCancellerOptions.FrameSamples), "power of two")]
    [InlineData(nameof(EchoCancellerOptions.FilterMilliseconds), "32–1000")]
    [InlineData(nameof(EchoCancellerOptions.MaxDelayMilliseconds), "0–2000")]
    public void Options_out_of_range_are_rejected_with_the_setting_named(string setting, string range)
    {
        var options = setting switch
        {
            nameof(EchoCancellerOptions.FrameSamples) => new EchoCancellerOptions { FrameSamples = 100 },
            nameof(EchoCancellerOptions.FilterMilliseconds) => new EchoCancellerOptions { FilterMilliseconds = 5 },
            _ => new EchoCancellerOptions { MaxDelayMilliseconds = 5000 },
        };

        var error = Should.Throw<ArgumentException>(() => new EchoCanceller(options));

        error.Message.ShouldContain(setting);
        error.Message.ShouldContain(range);
    }

    private static double Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double sum = 0;
        for (var i = 0; i < a.Length; i++) sum += a[i] * (double)b[i];
        return sum;
    }

    private static float[] Pad(float[] x, int length)
    {
        var y = new float[length];
        x.AsSpan(0, Math.Min(x.Length, length)).CopyTo(y);
        return y;
    }
}
