using OrpheusLive.Audio.Decoding;
using OrpheusLive.Audio.Decoding.Formats;
using OrpheusLive.Audio.Sources;
using OrpheusLive.Core.Audio;

namespace OrpheusLive.Audio.Tests;

public sealed class AudioOptionsTests
{
    private static readonly AudioDecoder Decoder = new([new WavAudioFormat()]);

    [Fact]
    public async Task Empty_input_makes_the_platform_microphone_without_opening_it()
    {
        await using var source = new AudioSourceFactory(Decoder).Open(null, fast: true, device: "some_source");
        source.IsLive.ShouldBeTrue();
        if (OperatingSystem.IsWindows()) source.ShouldBeOfType<WasapiCaptureSource>();
        else source.ShouldBeOfType<PulseAudioSource>();
        source.Description.ShouldContain("some_source");
    }

    [Fact]
    public async Task The_microphone_records_on_the_configured_server_with_the_configured_fragment_and_default_device()
    {
        if (OperatingSystem.IsWindows()) Assert.Skip("PulseAudio only.");
        var options = new AudioOptions { Server = "unix:/run/orpheus-test/native", FragmentMilliseconds = 250, Device = "configured_mic" };

        await using var source = new AudioSourceFactory(Decoder, options).Open(null, fast: false, device: null);

        var pulse = source.ShouldBeOfType<PulseAudioSource>().Options;
        pulse.Server.ShouldBe("unix:/run/orpheus-test/native");
        pulse.FragmentMilliseconds.ShouldBe(250);
        pulse.Device.ShouldBe("configured_mic");
        await using var named = new AudioSourceFactory(Decoder, options).Open(null, fast: false, device: "other_mic");
        named.ShouldBeOfType<PulseAudioSource>().Options.Device.ShouldBe("other_mic"); // --device wins
    }

    [Fact]
    public void Out_of_range_settings_name_the_setting_and_the_range()
    {
        new AudioOptions().Validate().ShouldBeEmpty();
        new AudioOptions { Input = "/no/such/file.wav", Fast = true }.Validate().ShouldBeEmpty(); // checked when listened to
        new AudioOptions { FragmentMilliseconds = 5 }.Validate().ShouldHaveSingleItem()
            .ShouldBe("Audio:FragmentMilliseconds must be between 10 and 1000 (got 5).");
        new AudioOptions { NoiseSuppressionDb = 41 }.Validate().ShouldHaveSingleItem()
            .ShouldBe("Audio:NoiseSuppressionDb must be between 0 (off) and 40 (got 41).");
        new AudioOptions { NoiseSuppressionDb = 0 }.Validate().ShouldBeEmpty();
    }

    [Fact]
    public void A_folder_as_input_is_refused()
    {
        Should.Throw<AudioSourceException>(() => new AudioSourceFactory(Decoder).Open(Path.GetTempPath(), fast: true, device: null))
            .Message.ShouldContain(Path.GetTempPath().TrimEnd('/'));
    }

    [Fact]
    public void Source_options_validate_themselves() =>
        Should.Throw<AudioSourceException>(() => new PulseAudioSource(new PulseAudioSourceOptions { FragmentMilliseconds = 0 }));
}
