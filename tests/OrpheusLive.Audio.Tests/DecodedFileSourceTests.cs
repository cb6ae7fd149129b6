using Microsoft.Extensions.Time.Testing;
using OrpheusLive.Audio.Decoding;
using OrpheusLive.Audio.Decoding.Formats;
using OrpheusLive.Audio.Wav;
using OrpheusLive.Core.Audio;

namespace OrpheusLive.Audio.Tests;

public sealed class DecodedFileSourceTests
{
    private static readonly AudioDecoder Decoder = new([new WavAudioFormat()]);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<float[]> ReadAll(IAudioSource source, int block = 4000)
    {
        var all = new List<float>();
        var buffer = new float[block];
        int n;
        while ((n = await source.ReadAsync(buffer, Ct)) > 0) all.AddRange(buffer.AsSpan(0, n));
        return [.. all];
    }

    private static IAudioSource Open(string path, bool fast, TimeProvider? time = null) =>
        new AudioSourceFactory(Decoder, timeProvider: time).Open(path, fast, device: null);

    [Fact]
    public async Task Stereo_44k1_file_comes_out_as_16k_mono_without_waiting_in_fast_mode()
    {
        using var dir = new TempDirectory();
        var path = dir.File("stereo.wav");
        var left = Signals.Sine(1000, 44_100, 44_100 * 2);
        WavFile.Write(path, WavFormat.Pcm(44_100, 2, 16), Signals.Interleave(left, left));
        var clock = new FakeTimeProvider(); // never advanced: a read that waited would never finish

        await using var source = Open(path, fast: true, clock);
        var samples = await ReadAll(source, block: 1234).WaitAsync(TimeSpan.FromSeconds(30), Ct);

        source.IsLive.ShouldBeFalse();
        source.Description.ShouldBe("stereo.wav (WAV, 44100 Hz, 2 ch)");
        samples.Length.ShouldBeInRange(31_990, 32_010);
        Signals.ZeroCrossingFrequency(samples.AsSpan(8000, 16000), 16_000).ShouldBe(1000, 1);
        Signals.AmplitudeAt(samples.AsSpan(8000, 16000), 1000, 16_000).ShouldBe(0.5, 0.5 * 0.06);
        (await source.ReadAsync(new float[10], Ct)).ShouldBe(0); // stays at end
    }

    [Fact]
    public async Task Realtime_mode_hands_a_block_over_only_once_its_time_has_passed()
    {
        using var dir = new TempDirectory();
        var path = dir.File("mono.wav");
        WavFile.Write(path, WavFormat.Pcm(16_000, 1), new float[16_000 * 3]);
        var clock = new FakeTimeProvider();
        await using var source = Open(path, fast: false, clock);
        var buffer = new float[1600];

        for (var block = 0; block < 30; block++)
        {
            var read = source.ReadAsync(buffer, Ct).AsTask();
            clock.Advance(TimeSpan.FromMilliseconds(99));
            read.IsCompleted.ShouldBeFalse($"block {block} came before its 100 ms were up");
            clock.Advance(TimeSpan.FromMilliseconds(1));
            (await read.WaitAsync(TimeSpan.FromSeconds(30), Ct)).ShouldBe(1600);
        }

        (await source.ReadAsync(buffer, Ct)).ShouldBe(0);
    }

    [Fact]
    public async Task A_reader_that_paused_does_not_get_the_gap_in_a_burst()
    {
        using var dir = new TempDirectory();
        var path = dir.File("mono.wav");
        WavFile.Write(path, WavFormat.Pcm(16_000, 1), new float[16_000 * 3]);
        var clock = new FakeTimeProvider();
        await using var source = Open(path, fast: false, clock);
        var buffer = new float[1600];
        var first = source.ReadAsync(buffer, Ct).AsTask();
        clock.Advance(TimeSpan.FromMilliseconds(100));
        await first.WaitAsync(TimeSpan.FromSeconds(30), Ct);

        clock.Advance(TimeSpan.FromSeconds(10)); // nobody read: listening was paused

        var next = source.ReadAsync(buffer, Ct).AsTask();
        next.IsCompleted.ShouldBeFalse("after a pause, pacing starts again from now");
        clock.Advance(TimeSpan.FromMilliseconds(100));
        (await next.WaitAsync(TimeSpan.FromSeconds(30), Ct)).ShouldBe(1600);
    }

    [Fact]
    public async Task Demo_sample_is_16k_mono_and_about_a_minute()
    {
        var demo = Path.Combine(RepoPaths.Root, "samples", "demo.wav");
        if (!File.Exists(demo)) Assert.Skip("samples/demo.wav has not been generated (samples/make-samples.sh).");
        await using var source = Open(demo, fast: true);
        source.Description.ShouldBe("demo.wav (WAV, 16000 Hz, 1 ch)");
        var samples = await ReadAll(source, block: 16_000);
        (samples.Length / 16_000.0).ShouldBeInRange(40, 65);
    }

    [Fact]
    public void A_missing_file_is_a_clear_error()
    {
        var e = Should.Throw<AudioSourceException>(() => Open("/nonexistent/x.wav", fast: true));
        e.Message.ShouldContain("does not exist");
        e.Message.ShouldContain("/nonexistent/x.wav");
    }

    [Fact]
    public void A_file_that_is_not_audio_is_an_audio_source_error_naming_it()
    {
        using var dir = new TempDirectory();
        var path = dir.File("bad.wav");
        File.WriteAllText(path, "definitely not audio");

        var e = Should.Throw<AudioSourceException>(() => Open(path, fast: true));

        e.Message.ShouldContain("bad.wav");
        e.InnerException.ShouldBeOfType<AudioDecodeException>();
    }

    [Fact]
    public void A_truncated_file_is_refused()
    {
        using var dir = new TempDirectory();
        var path = dir.File("cut.wav");
        WavFile.Write(path, WavFormat.Pcm(16_000, 1), new float[16_000]);
        using (var f = new FileStream(path, FileMode.Open)) f.SetLength(44 + 8000 * 2);

        Should.Throw<AudioSourceException>(() => Open(path, fast: true)).Message.ShouldContain("truncated");
    }

    [Fact]
    public async Task Cancellation_is_honoured_while_pacing()
    {
        using var dir = new TempDirectory();
        var path = dir.File("long.wav");
        WavFile.Write(path, WavFormat.Pcm(16_000, 1), new float[16_000 * 10]);
        await using var source = Open(path, fast: false, new FakeTimeProvider());
        using var cts = new CancellationTokenSource();
        var read = source.ReadAsync(new float[16_000], cts.Token).AsTask();

        await cts.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => read);
    }
}
