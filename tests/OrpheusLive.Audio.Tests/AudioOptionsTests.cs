using OrpheusLive.Audio.Sources;
using OrpheusLive.Audio.Wav;
using OrpheusLive.Core.Audio;

namespace OrpheusLive.Audio.Tests;

public sealed class AudioOptionsTests
{
    [Fact]
    public async Task File_input_makes_a_wav_source_paced_unless_fast()
    {
        using var dir = new TempDirectory();
        var path = dir.File("in.wav");
        WavFile.Write(path, WavFormat.Pcm(16_000, 1), new float[1600]);
        var clock = new ManualTimeProvider();

        await using var fast = new AudioSourceFactory(clock).Create(new AudioOptions { Input = path, Fast = true });
        fast.ShouldBeOfType<WavFileSource>();
        await fast.ReadAsync(new float[1600], TestContext.Current.CancellationToken);
        clock.TimersCreated.ShouldBe(0);

        await using var paced = new AudioSourceFactory(clock).Open(path, fast: false, device: null);
        await paced.ReadAsync(new float[1600], TestContext.Current.CancellationToken);
        clock.TimersCreated.ShouldBe(1);
    }

    [Fact]
    public async Task Empty_input_makes_the_platform_microphone_without_opening_it()
    {
        await using var source = new AudioSourceFactory().Open(null, fast: true, device: "some_source");
        source.IsLive.ShouldBeTrue();
        if (OperatingSystem.IsWindows()) source.ShouldBeOfType<WasapiCaptureSource>();
        else source.ShouldBeOfType<PulseAudioSource>();
        source.Description.ShouldContain("some_source");
    }

    [Fact]
    public void Invalid_options_are_reported_in_plain_words()
    {
        new AudioOptions().Validate().ShouldBeEmpty();
        new AudioOptions { Input = "/no/such/file.wav" }.Validate().ShouldHaveSingleItem().ShouldContain("does not exist");
        new AudioOptions { Fast = true }.Validate().ShouldBeEmpty(); // ignored for microphones
        new AudioOptions { FragmentMilliseconds = 5 }.Validate().ShouldHaveSingleItem().ShouldContain("FragmentMilliseconds");
        Should.Throw<AudioSourceException>(() => new AudioSourceFactory().Create(new AudioOptions { Input = Path.GetTempPath() }))
            .Message.ShouldContain("folder");
    }

    [Fact]
    public void Source_options_validate_themselves()
    {
        Should.Throw<AudioSourceException>(() => new PulseAudioSource(new PulseAudioSourceOptions { FragmentMilliseconds = 0 }));
        Should.Throw<AudioSourceException>(() => new WavFileSourceOptions { Path = "" }.Validate());
    }
}
