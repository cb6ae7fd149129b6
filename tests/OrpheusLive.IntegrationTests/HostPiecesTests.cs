using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OrpheusLive.Audio.Sources;
using OrpheusLive.Cli;
using OrpheusLive.Core.Audio;
using OrpheusLive.Core.Playback;
using OrpheusLive.Hosting;
using OrpheusLive.Players;

namespace OrpheusLive.IntegrationTests;

/// <summary>Small host pieces that need no process: option parsing, player choice, and the app's composition root.</summary>
public sealed class HostPiecesTests
{
    /// <summary>The app's own registrations in a Generic Host over <paramref name="settings"/> (no files, no command line).</summary>
    private static IHost BuildHost(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ApplicationName = "orpheus-test" });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        builder.Services.AddOrpheusServices(builder.Configuration);
        return builder.Build();
    }

    [Fact]
    public async Task Audio_Server_FragmentMilliseconds_and_Device_from_the_settings_reach_the_microphone()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("PulseAudio only.");
        }

        using var host = BuildHost(new()
        {
            ["Audio:Server"] = "unix:/run/orpheus-test/native",
            ["Audio:FragmentMilliseconds"] = "250",
            ["Audio:Device"] = "usb_mic",
        });
        await host.StartAsync(TestContext.Current.CancellationToken);

        await using var microphone = host.Services.GetRequiredService<IAudioSourceFactory>().Open(null, fast: false, device: null);

        var options = microphone.ShouldBeOfType<PulseAudioSource>().Options;
        options.Server.ShouldBe("unix:/run/orpheus-test/native");
        options.FragmentMilliseconds.ShouldBe(250);
        options.Device.ShouldBe("usb_mic");
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    [Theory]
    [InlineData("Audio:FragmentMilliseconds", "5", "Audio:FragmentMilliseconds must be between 10 and 1000 (got 5).")]
    [InlineData("Audio:EchoCancel", "loud", "Audio:EchoCancel must be auto, off, speex or fdaf (got 'loud').")]
    [InlineData("Debounce:Threshold", "7", "Debounce:Threshold must be between 0 and 1 (got 7).")]
    [InlineData("Listen:HopSeconds", "0", "Listen:HopSeconds must be between 0.1 and 3 (got 0).")]
    [InlineData("LocalPlayer:Volume", "2", "LocalPlayer:Volume must be between 0 and 1 (got 2).")]
    [InlineData("LocalPlayer:Output:SampleRate", "100", "LocalPlayer:Output:SampleRate must be between 8000 and 192000 Hz (got 100).")]
    [InlineData("Api:MaxClipSeconds", "0", "Api:MaxClipSeconds must be between 1 and 3600 (got 0).")]
    [InlineData("Spotify:RedirectPort", "0", "Spotify:RedirectPort must be a TCP port between 1 and 65535 (got 0)")]
    [InlineData("Model:IntraOpThreads", "99", "Model:IntraOpThreads is 99; use 0 (one per core) or 1..64.")]
    [InlineData("Moods:DefaultFile", " ", "Moods:DefaultFile must name the default mapping file.")]
    public async Task Every_setting_is_validated_when_the_host_starts_and_the_failure_names_it(string key, string value, string message)
    {
        using var host = BuildHost(new() { [key] = value });

        var e = await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        e.OneLine().ShouldContain(message);
        e.OneLine().ShouldNotContain("\n");
    }

    private static readonly HashSet<string> Flags = new(StringComparer.OrdinalIgnoreCase) { "json", "fast" };

    [Fact]
    public void Options_flags_and_positionals_are_parsed()
    {
        var args = CommandArgs.Parse(["--input", "a b.wav", "--json", "--player=local", "extra", "--fast"], Flags);

        args.Value("input").ShouldBe("a b.wav");
        args.Has("json").ShouldBeTrue();
        args.Has("fast").ShouldBeTrue();
        args.Value("player").ShouldBe("local");
        args.Positional.ShouldBe(["extra"]);
        args.Int("windows", 300).ShouldBe(300);
    }

    [Fact]
    public void A_missing_value_an_unknown_option_and_a_bad_number_are_usage_errors()
    {
        Should.Throw<CommandLineException>(() => CommandArgs.Parse(["--input"], Flags)).Message.ShouldContain("--input needs a value");
        Should.Throw<CommandLineException>(() => CommandArgs.Parse(["--input", "--json"], Flags));
        Should.Throw<CommandLineException>(() => CommandArgs.Parse(["--imput", "x"], Flags).RejectUnknown("input"))
            .Message.ShouldContain("--imput");
        Should.Throw<CommandLineException>(() => CommandArgs.Parse(["--windows", "many"], Flags).Int("windows", 1))
            .Message.ShouldContain("whole number");
    }

    private sealed class FakeProvider(string name, bool available) : IPlayerProvider
    {
        public string Name => name;

        public bool IsAvailable(out string? reason)
        {
            reason = available ? null : $"{name} is not set up.";
            return available;
        }

        public IPlayer Create() => new ConsolePlayer(Microsoft.Extensions.Logging.Abstractions.NullLogger<ConsolePlayer>.Instance);
    }

    [Fact]
    public void Auto_prefers_spotify_then_local_then_console_and_says_why()
    {
        var none = new PlayerFactory([new FakeProvider("console", true), new FakeProvider("local", false), new FakeProvider("spotify", false)]);
        none.Create("auto", out var warning).ShouldNotBeNull();
        warning.ShouldBe("Using the console player: spotify is not set up; local is not set up.");

        var spotify = new PlayerFactory([new FakeProvider("console", true), new FakeProvider("spotify", true)]);
        spotify.Create("auto", out var noWarning);
        noWarning.ShouldBeNull();
    }

    [Fact]
    public void An_unknown_player_is_rejected_with_the_known_names()
    {
        var factory = new PlayerFactory([new FakeProvider("console", true)]);
        Should.Throw<ArgumentException>(() => factory.Create("winamp", out _)).Message.ShouldContain("console, auto");
    }
}
