using OrpheusLive.Core.Windowing;
using OrpheusLive.Audio.Dsp;

namespace OrpheusLive.Audio.Tests;

public sealed class ResamplerTests
{
    private const int Out = 16_000;

    /// <summary>Resamples in uneven blocks (to exercise streaming) and flushes.</summary>
    private static float[] Resample(float[] input, int inRate, int outRate = Out)
    {
        var resampler = new Resampler(inRate, outRate);
        var output = new List<float>();
        var block = new float[resampler.MaxOutputFor(5000) + resampler.MaxFlushOutput];
        var sizes = new[] { 1, 17, 4999, 333, 1024 };
        var position = 0;
        for (var k = 0; position < input.Length; k++)
        {
            var size = Math.Min(sizes[k % sizes.Length], input.Length - position);
            var n = resampler.Process(input.AsSpan(position, size), block);
            output.AddRange(block.AsSpan(0, n));
            position += size;
        }
        var tail = resampler.Flush(block);
        output.AddRange(block.AsSpan(0, tail));
        return [.. output];
    }

    // The middle of the output, away from the start/end transients.
    private static ReadOnlySpan<float> Middle(float[] x) => x.AsSpan(x.Length / 4, x.Length / 2);

    [Theory]
    [InlineData(44_100)]
    [InlineData(48_000)]
    [InlineData(8_000)]
    [InlineData(11_025)]
    [InlineData(22_050)]
    [InlineData(96_000)]
    public void One_kHz_tone_keeps_frequency_amplitude_and_length(int inRate)
    {
        var input = Signals.Sine(1000, inRate, inRate); // 1 s at amplitude 0.5

        var output = Resample(input, inRate);

        output.Length.ShouldBe(Out);
        Signals.ZeroCrossingFrequency(Middle(output), Out).ShouldBe(1000, 0.5);
        Signals.PeakFrequency(Middle(output), Out, 900, 1100).ShouldBe(1000, 1);
        Signals.Db(Signals.AmplitudeAt(Middle(output), 1000, Out) / 0.5).ShouldBe(0, 0.5);
    }

    [Fact]
    public void Seven_kHz_tone_at_48k_survives()
    {
        var output = Resample(Signals.Sine(7000, 48_000, 48_000), 48_000);

        Signals.Db(Signals.AmplitudeAt(Middle(output), 7000, Out) / 0.5).ShouldBe(0, 0.5);
    }

    [Theory]
    [InlineData(48_000, 10_000, 6_000)]
    [InlineData(44_100, 12_000, 4_000)]
    [InlineData(96_000, 20_000, 4_000)]
    public void Tone_above_the_output_nyquist_is_attenuated_by_at_least_40_dB(int inRate, double tone, double alias)
    {
        var output = Resample(Signals.Sine(tone, inRate, inRate), inRate);

        // Whatever survives shows up folded at the alias frequency (and anywhere else): measure both.
        Signals.Db(Signals.AmplitudeAt(Middle(output), alias, Out) / 0.5).ShouldBeLessThan(-40);
        Signals.Db(AudioLevel.Rms(Middle(output)) / (0.5 / Math.Sqrt(2))).ShouldBeLessThan(-40);
    }

    [Theory]
    [InlineData(44_100, 12_345)]
    [InlineData(48_000, 1)]
    [InlineData(8_000, 999)]
    [InlineData(22_050, 0)]
    public void Output_length_is_input_length_times_ratio_rounded_up(int inRate, int samples)
    {
        var output = Resample(new float[samples], inRate);

        output.Length.ShouldBe((int)Math.Ceiling(samples * (double)Out / inRate));
    }

    [Fact]
    public void Output_is_time_aligned_with_the_input()
    {
        // An impulse at 1 s in a 44.1 kHz stream must peak at 1 s (sample 16000) of the output.
        var input = new float[44_100 * 2];
        input[44_100] = 1;

        var output = Resample(input, 44_100);

        var peak = Array.IndexOf(output, output.Max());
        peak.ShouldBe(16_000);
    }

    [Fact]
    public void Same_rate_passes_through()
    {
        var input = Signals.Sine(440, Out, 1000);
        Resample(input, Out).ShouldBe(input);
    }

    [Fact]
    public void Upsampling_to_48k_keeps_a_tone()
    {
        var output = Resample(Signals.Sine(1000, 22_050, 22_050), 22_050, 48_000);

        output.Length.ShouldBe(48_000);
        Signals.Db(Signals.AmplitudeAt(output.AsSpan(12_000, 24_000), 1000, 48_000) / 0.5).ShouldBe(0, 0.5);
    }

    [Fact]
    public void Odd_rates_work()
    {
        var output = Resample(Signals.Sine(1000, 44_101, 44_101), 44_101);

        output.Length.ShouldBe(Out);
        Signals.Db(Signals.AmplitudeAt(Middle(output), 1000, Out) / 0.5).ShouldBe(0, 0.5);
    }

    [Fact]
    public void Mono_resampler_downmixes_stereo()
    {
        // Left 1 kHz, right silent: the mono mix carries the tone at half amplitude.
        var left = Signals.Sine(1000, 48_000, 48_000);
        var stereo = Signals.Interleave(left, new float[48_000]);
        var converter = new MonoResampler(48_000, 2, Out, 4800);
        var output = new List<float>();
        var buffer = new float[converter.MaxOutput];
        for (var i = 0; i < 10; i++) output.AddRange(buffer.AsSpan(0, converter.Process(stereo.AsSpan(i * 9600, 9600), buffer)));
        output.AddRange(buffer.AsSpan(0, converter.Flush(buffer)));

        output.Count.ShouldBe(Out);
        Signals.AmplitudeAt(Middle([.. output]), 1000, Out).ShouldBe(0.25, 0.25 * 0.06);
    }

    [Fact]
    public void Downmix_averages_channels()
    {
        float[] frames = [1f, 0f, 0.5f, -0.5f, 0.2f, 0.4f];
        var mono = new float[3];
        Downmix.ToMono(frames, 2, mono).ShouldBe(3);
        mono.ShouldBe([0.5f, 0f, 0.3f], 1e-6);

        var three = new float[2];
        Downmix.ToMono([0.3f, 0.3f, 0.3f, 1f, 0f, -1f], 3, three);
        three.ShouldBe([0.3f, 0f], 1e-6);
    }

    [Fact]
    public void Level_meter_reports_dbfs()
    {
        AudioLevel.RmsDbfs(Signals.Sine(1000, Out, Out, amplitude: 1)).ShouldBe(-3.01f, 0.02f);
        AudioLevel.RmsDbfs(Signals.Sine(1000, Out, Out, amplitude: 0.1)).ShouldBe(-23.01f, 0.02f);
        AudioLevel.RmsDbfs(new float[100]).ShouldBe(AudioLevel.SilenceDbfs);
        AudioLevel.RmsDbfs([]).ShouldBe(AudioLevel.SilenceDbfs);
        AudioLevel.Peak([0.1f, -0.7f, 0.3f]).ShouldBe(0.7f);
    }
}
