using OrpheusLive.Audio.Sources;
using OrpheusLive.Audio.Wav;
using OrpheusLive.Core.Audio;

namespace OrpheusLive.Audio.Tests;

public sealed class WavFileSourceTests
{
    private static async Task<float[]> ReadAll(IAudioSource source, int block = 4000)
    {
        var all = new List<float>();
        var buffer = new float[block];
        int n;
        while ((n = await source.ReadAsync(buffer, TestContext.Current.CancellationToken)) > 0) all.AddRange(buffer.AsSpan(0, n));
        return [.. all];
    }

    [Fact]
    public async Task Stereo_44k1_file_comes_out_as_16k_mono()
    {
        using var dir = new TempDirectory();
        var path = dir.File("stereo.wav");
        var left = Signals.Sine(1000, 44_100, 44_100 * 2);
        WavFile.Write(path, WavFormat.Pcm(44_100, 2, 16), Signals.Interleave(left, left));
        var clock = new ManualTimeProvider();

        await using var source = new WavFileSource(new WavFileSourceOptions { Path = path, PaceRealtime = false }, clock);
        var samples = await ReadAll(source, block: 1234);

        source.IsLive.ShouldBeFalse();
        samples.Length.ShouldBe(32_000);
        Signals.ZeroCrossingFrequency(samples.AsSpan(8000, 16000), 16_000).ShouldBe(1000, 1);
        Signals.AmplitudeAt(samples.AsSpan(8000, 16000), 1000, 16_000).ShouldBe(0.5, 0.5 * 0.06);
        clock.TimersCreated.ShouldBe(0); // fast mode never waits
        (await source.ReadAsync(new float[10], TestContext.Current.CancellationToken)).ShouldBe(0); // stays at end
    }

    [Fact]
    public async Task Realtime_mode_waits_for_the_duration_of_the_audio()
    {
        using var dir = new TempDirectory();
        var path = dir.File("mono.wav");
        WavFile.Write(path, WavFormat.Pcm(16_000, 1), new float[16_000 * 3]);
        var clock = new ManualTimeProvider();

        await using var source = new WavFileSource(new WavFileSourceOptions { Path = path, PaceRealtime = true }, clock);
        var samples = await ReadAll(source, block: 1600);

        samples.Length.ShouldBe(48_000);
        clock.TimersCreated.ShouldBeGreaterThan(0);
        clock.TotalWaited.TotalSeconds.ShouldBe(3, 0.01);
    }

    [Fact]
    public async Task Demo_sample_is_16k_mono_and_about_a_minute()
    {
        var demo = Path.Combine(RepoPaths.Root, "samples", "demo.wav");
        if (!File.Exists(demo)) Assert.Skip("samples/demo.wav has not been generated (samples/make-samples.sh).");
        await using var source = new WavFileSource(new WavFileSourceOptions { Path = demo, PaceRealtime = false });
        source.SourceFormat.SampleRate.ShouldBe(16_000);
        source.SourceFormat.Channels.ShouldBe(1);
        var samples = await ReadAll(source, block: 16_000);
        (samples.Length / 16_000.0).ShouldBeInRange(40, 65);
    }

    [Fact]
    public void Missing_file_is_a_clear_error()
    {
        var e = Should.Throw<AudioSourceException>(() => new WavFileSource(new WavFileSourceOptions { Path = "/nonexistent/x.wav" }));
        e.Message.ShouldContain("does not exist");
    }

    [Fact]
    public void Corrupt_file_is_an_audio_source_error()
    {
        using var dir = new TempDirectory();
        var path = dir.File("bad.wav");
        File.WriteAllText(path, "definitely not audio");

        var e = Should.Throw<AudioSourceException>(() => new WavFileSource(new WavFileSourceOptions { Path = path }));

        e.Message.ShouldContain("bad.wav");
        e.InnerException.ShouldBeOfType<WavFormatException>();
    }

    [Fact]
    public async Task Truncated_file_plays_when_allowed()
    {
        using var dir = new TempDirectory();
        var path = dir.File("cut.wav");
        WavFile.Write(path, WavFormat.Pcm(16_000, 1), new float[16_000]);
        using (var f = new FileStream(path, FileMode.Open)) f.SetLength(44 + 8000 * 2);

        Should.Throw<AudioSourceException>(() => new WavFileSource(new WavFileSourceOptions { Path = path })).Message.ShouldContain("truncated");
        await using var source = new WavFileSource(new WavFileSourceOptions { Path = path, PaceRealtime = false, AllowTruncated = true });
        source.IsTruncated.ShouldBeTrue();
        (await ReadAll(source)).Length.ShouldBe(8000);
    }

    [Fact]
    public async Task Cancellation_is_honoured_while_pacing()
    {
        using var dir = new TempDirectory();
        var path = dir.File("long.wav");
        WavFile.Write(path, WavFormat.Pcm(16_000, 1), new float[16_000 * 10]);
        await using var source = new WavFileSource(new WavFileSourceOptions { Path = path, PaceRealtime = true });
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        await Should.ThrowAsync<OperationCanceledException>(async () => await source.ReadAsync(new float[16_000], cts.Token));
    }
}
