using OrpheusLive.Audio.Playback;

namespace OrpheusLive.Audio.Tests;

/// <summary>The built-in player's output is chosen by OS: PulseAudio here, NAudio's WASAPI player on Windows.</summary>
[Collection(PulseAudioCollection.Name)]
public sealed class PlatformAudioOutputTests(PulseAudioFixture pulse)
{
    [Fact]
    public void Off_windows_the_platform_output_is_a_real_pulseaudio_stream()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Windows plays through NAudio");
        pulse.SkipIfUnavailable();
        var outputs = new PlatformAudioOutputFactory(new PulseAudioSinkOptions { Device = pulse.Sink });

        outputs.Backend.ShouldBe("PulseAudio");
        using IAudioOutput output = outputs.Open();
        output.ShouldBeOfType<PulseAudioSink>().Description.ShouldContain(pulse.Sink);
    }

    [Fact]
    public void The_windows_choice_opens_naudio_and_without_windows_audio_says_so_in_one_line()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "on Windows this would open a real device");
        var outputs = new PlatformAudioOutputFactory(new PulseAudioSinkOptions(), windows: true);

        outputs.Backend.ShouldBe("NAudio WASAPI");
        var error = Should.Throw<AudioOutputException>(outputs.Open);
        error.Message.ShouldStartWith("No sound output: Windows audio (WASAPI) is not available here (");
        error.Message.ShouldNotContain("\n");
    }

    [Fact]
    public void The_local_player_is_available_when_the_platform_output_opens_and_says_why_not_otherwise()
    {
        pulse.SkipIfUnavailable();
        new LocalPlayerProvider(new LocalPlayerOptions(), new PulseAudioSinkOptions { Device = pulse.Sink }).IsAvailable(out string? reason).ShouldBeTrue(reason);

        new LocalPlayerProvider(new LocalPlayerOptions(), new PulseAudioSinkOptions { Device = "no_such_sink_xyz" }).IsAvailable(out reason).ShouldBeFalse();
        reason.ShouldNotBeNull().ShouldContain("no_such_sink_xyz");
    }
}
