using OrpheusLive.Audio.Denoise;
using OrpheusLive.Core.Audio;

namespace OrpheusLive.Audio.Tests.Denoise;

/// <summary>
/// The capture path's noise suppressor on real speech (the demo recording) under steady noise: the noise between
/// words goes down by about the configured amount, the speech keeps its level, and how the stream is cut into blocks
/// changes nothing.
/// </summary>
public sealed class NoiseSuppressorTests
{
    private const int Rate = IAudioSource.SampleRate;

    private static NoiseSuppressor Create(int db = 15)
    {
        var suppressor = new NoiseSuppressor(db);
        if (suppressor.UnavailableReason is { } reason)
        {
            suppressor.Dispose();
            Assert.Skip(reason); // scripts/setup.sh installs libspeexdsp1; only a machine without it gets here
        }

        return suppressor;
    }

    /// <summary>Seeded white noise at <paramref name="dbfs"/> RMS.</summary>
    private static float[] Noise(int samples, double dbfs, int seed = 5)
    {
        var random = new Random(seed);
        var amplitude = Math.Pow(10, dbfs / 20) * Math.Sqrt(3);
        return [.. Enumerable.Range(0, samples).Select(_ => (float)(amplitude * (2 * random.NextDouble() - 1)))];
    }

    private static double Dbfs(ReadOnlySpan<float> x)
    {
        double sum = 0;
        foreach (var v in x) sum += v * v;
        return 10 * Math.Log10(sum / Math.Max(1, x.Length) + 1e-20);
    }

    [Fact]
    public void Steady_noise_alone_is_pushed_down_by_about_the_configured_amount()
    {
        using var suppressor = Create(db: 15);
        var noise = Noise(6 * Rate, -40);

        var output = suppressor.ProcessWhole(noise);

        var after = Dbfs(output.AsSpan(2 * Rate));
        var before = Dbfs(noise.AsSpan(2 * Rate));
        (before - after).ShouldBeGreaterThan(10, $"noise {before:F1} dBFS in, {after:F1} dBFS out after 2 s of convergence");
        (before - after).ShouldBeLessThan(30, "15 dB asked for: suppression, not a gate");
    }

    [Fact]
    public void Speech_under_noise_keeps_its_level_while_the_noise_between_words_goes_down()
    {
        using var suppressor = Create();
        var speech = DemoRecording.Samples.AsSpan(0, 20 * Rate).ToArray();
        var noise = Noise(speech.Length, Dbfs(speech) - 15);
        var mixture = speech.Zip(noise, (s, n) => s + n).ToArray();

        var output = suppressor.ProcessWhole(mixture);

        // 20 ms frames from 2 s on, by the clean speech's level: the loudest quarter is speech, the quietest pauses.
        var frames = Enumerable.Range(2 * Rate / 320, speech.Length / 320 - 2 * Rate / 320)
            .Select(f => (Speech: Dbfs(speech.AsSpan(f * 320, 320)), Out: Dbfs(output.AsSpan(f * 320, 320)), In: Dbfs(mixture.AsSpan(f * 320, 320))))
            .OrderBy(f => f.Speech).ToArray();
        var quarter = frames.Length / 4;
        var loud = frames[^quarter..];
        var pauses = frames[..quarter];
        loud.Average(f => f.In - f.Out).ShouldBeLessThan(2.5, "speech frames keep their level");
        pauses.Average(f => f.In - f.Out).ShouldBeGreaterThan(8, "the noise between words goes down");
    }

    [Fact]
    public void How_the_stream_is_cut_into_blocks_changes_nothing_and_reads_do_not_allocate()
    {
        var input = DemoRecording.Samples.AsSpan(0, 4 * Rate).ToArray();
        float[] Run(int block)
        {
            using var suppressor = Create();
            var x = input.ToArray();
            for (var i = 0; i < x.Length; i += block) suppressor.Process(x.AsSpan(i, Math.Min(block, x.Length - i)));
            return x;
        }

        var whole = Run(input.Length);
        Run(1).ShouldBe(whole);
        Run(37).ShouldBe(whole);
        Run(1600).ShouldBe(whole);

        using var warm = Create();
        var buffer = input.AsSpan(0, 1600).ToArray();
        warm.Process(buffer);
        Allocations.OnThisThread(() =>
        {
            for (var i = 0; i < 20; i++) warm.Process(buffer);
        }).ShouldBe(0);
    }

    [Fact]
    public void The_output_lags_by_one_frame_and_a_reset_starts_afresh()
    {
        using var suppressor = Create();
        var input = DemoRecording.Samples.AsSpan(0, 3 * Rate).ToArray();
        var first = input.ToArray();
        suppressor.Process(first);
        first.AsSpan(0, NoiseSuppressor.LatencySamples).ToArray().ShouldAllBe(v => v == 0, "the first frame out is the delay line");
        first.AsSpan(NoiseSuppressor.LatencySamples).ToArray().ShouldContain(v => v != 0);

        suppressor.Reset();
        var again = input.ToArray();
        suppressor.Process(again);

        again.ShouldBe(first, "after Reset the same input gives the same output as a fresh suppressor");
    }

    [Fact]
    public void The_attenuation_must_be_between_1_and_40_dB() =>
        Should.Throw<ArgumentOutOfRangeException>(() => new NoiseSuppressor(41)).ParamName.ShouldBe("attenuationDb");
}
