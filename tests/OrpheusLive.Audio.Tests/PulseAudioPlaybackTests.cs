using OrpheusLive.Core.Windowing;
using OrpheusLive.Audio.Dsp;
using OrpheusLive.Audio.Playback;
using OrpheusLive.Audio.Sources;
using OrpheusLive.Audio.Wav;
using OrpheusLive.Core.Audio;
using OrpheusLive.Core.Playback;

namespace OrpheusLive.Audio.Tests;

/// <summary>Real playback into the null sink of scripts/ci-audio.sh, checked by recording the sink's monitor.</summary>
[Collection(PulseAudioCollection.Name)]
public sealed class PulseAudioPlaybackTests(PulseAudioFixture pulse)
{
    [Fact]
    public async Task Local_player_plays_a_wav_into_the_null_sink()
    {
        pulse.SkipIfUnavailable();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        using var dir = new TempDirectory();
        var folder = Path.Combine(dir.Path, "chill");
        Directory.CreateDirectory(folder);
        WavFile.Write(Path.Combine(folder, "tone.wav"), WavFormat.Pcm(22_050, 1), Signals.Sine(1000, 22_050, 22_050 * 3, 0.5));

        var sink = new PulseAudioOutputFactory(new PulseAudioSinkOptions { Device = pulse.Sink });
        await using var player = new LocalPlayer(new LocalPlayerOptions { Volume = 1, FadeMilliseconds = 100 }, sink);
        await using var monitor = new PulseAudioSource(new PulseAudioSourceOptions { Device = pulse.Sink + ".monitor" });

        var result = await player.PlayAsync(new PlayRequest("chill", [folder], false), timeout.Token);

        result.Started.ShouldBeTrue(result.Message);
        player.Current!.Title.ShouldBe("tone.wav");
        player.Current.Device!.ShouldContain(pulse.Sink);

        // The monitor hears the tone (the sink mixes it to 48 kHz stereo; the monitor stream is 16 kHz mono again).
        var block = new float[IAudioSource.SampleRate / 5];
        float[]? heard = null;
        while (heard is null)
        {
            // Live reads return what has arrived; gather a whole block before measuring it.
            var filled = 0;
            while (filled < block.Length) filled += await monitor.ReadAsync(block.AsMemory(filled), timeout.Token);
            if (AudioLevel.Rms(block) > 0.2) heard = block;
        }
        Signals.PeakFrequency(heard, IAudioSource.SampleRate, 300, 3000).ShouldBe(1000, 3);

        (await player.PlayAsync(new PlayRequest("chill", [folder], false), timeout.Token)).AlreadyPlaying.ShouldBeTrue();
        await player.StopAsync(timeout.Token);
        player.Current.ShouldBeNull();
    }

    [Fact]
    public async Task Missing_sink_makes_play_fail_without_throwing()
    {
        pulse.SkipIfUnavailable();
        using var dir = new TempDirectory();
        WavFile.Write(dir.File("a.wav"), WavFormat.Pcm(16_000, 1), new float[1600]);
        var sink = new PulseAudioOutputFactory(new PulseAudioSinkOptions { Device = "no_such_sink_xyz" });
        await using var player = new LocalPlayer(new LocalPlayerOptions(), sink);

        var result = await player.PlayAsync(new PlayRequest("chill", [dir.Path], false), TestContext.Current.CancellationToken);

        result.Started.ShouldBeFalse();
        result.Message!.ShouldContain("No audio output");
        result.Message!.ShouldContain("no_such_sink_xyz");
    }

    [Fact]
    public void Sink_plays_and_drains()
    {
        pulse.SkipIfUnavailable();
        using var sink = new PulseAudioSink(new PulseAudioSinkOptions { Device = pulse.Sink, SampleRate = 16_000, Channels = 1 });
        sink.Write(Signals.Sine(440, 16_000, 4_000));
        sink.Drain();
        sink.Description.ShouldContain(pulse.Sink);
    }

    [Fact]
    public async Task Local_player_provider_reports_availability_in_plain_words()
    {
        pulse.SkipIfUnavailable();
        var good = new LocalPlayerProvider(new LocalPlayerOptions(), new PulseAudioSinkOptions { Device = pulse.Sink });
        var bad = new LocalPlayerProvider(new LocalPlayerOptions(), new PulseAudioSinkOptions { Server = "unix:/tmp/orpheus-no-such-server/native" });

        good.Name.ShouldBe("local");
        good.IsAvailable(out var none).ShouldBeTrue();
        none.ShouldBeNull();
        bad.IsAvailable(out var reason).ShouldBeFalse();
        reason!.ShouldContain("No PulseAudio server");
        await using var player = good.Create();
        player.Name.ShouldBe("local");
    }
}
