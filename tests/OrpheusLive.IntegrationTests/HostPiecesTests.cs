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

/// <summary>Small host pieces that need no process: the command line, the settings check, player choice, and the app's composition root.</summary>
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
    [InlineData("Audio:NoiseSuppressionDb", "50", "Audio:NoiseSuppressionDb must be between 0 (off) and 40 (got 50).")]
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

    [Fact]
    public void Configuration_overrides_are_taken_out_of_the_command_line_in_both_forms()
    {
        var (overrides, commandLine) = ConfigurationOverrides.Split(
            ["listen", "--Debounce:Threshold=0.5", "--input", "a b.wav", "--Listen:HopSeconds", "2", "--json"]);

        overrides.ShouldBe(["--Debounce:Threshold=0.5", "--Listen:HopSeconds", "2"]);
        commandLine.ShouldBe(["listen", "--input", "a b.wav", "--json"]);
    }

    [Theory]
    [InlineData("", "run")]
    [InlineData("--input x.wav --fast", "run")]
    [InlineData("LISTEN --json", "listen")]
    [InlineData("eval --manifest m.csv", "eval")]
    public void The_command_line_picks_the_command_and_run_is_the_default(string line, string command)
    {
        using var host = BuildHost([]);
        var cli = new OrpheusCommandLine(host.Services.GetServices<CliCommand>(), (_, _, _) => Task.FromResult(0));

        var parsed = cli.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries));

        CommandLineErrors.OneLine(parsed).ShouldBeNull();
        cli.Selected(parsed).ShouldNotBeNull().Name.ShouldBe(command);
    }

    [Theory]
    [InlineData("listen --jsno", "orpheus listen", "unknown option --jsno (did you mean --json?)")]
    [InlineData("listen --bogus", "orpheus listen", "unknown option --bogus")]
    [InlineData("--inptu x.wav", "orpheus run", "unknown option --inptu (did you mean --input?)")]
    [InlineData("lisen", "orpheus", "unknown command 'lisen' (did you mean listen?); 'orpheus --help' lists them")]
    [InlineData("listen --player vlc", "orpheus listen", "--player: 'vlc' is not a player; use ")]
    [InlineData("bench --windows many", "orpheus bench", "'many'")]
    [InlineData("bench --windows 20", "orpheus bench", "--windows must be at least 200 for stable percentiles (got 20)")]
    [InlineData("eval", "orpheus eval", "--manifest")]
    public void A_bad_command_line_is_one_line_naming_the_command_and_the_option(string line, string prefix, string message)
    {
        using var host = BuildHost([]);
        var cli = new OrpheusCommandLine(host.Services.GetServices<CliCommand>(), (_, _, _) => Task.FromResult(0));

        var parsed = cli.Parse(line.Split(' '));

        CommandLineErrors.Prefix(parsed).ShouldBe(prefix);
        var problem = CommandLineErrors.OneLine(parsed).ShouldNotBeNull();
        problem.ShouldContain(message);
        problem.ShouldNotContain("\n");
    }

    private sealed class VerbCommand(string name) : CliCommand(name, $"the {name} verb")
    {
        private readonly System.CommandLine.Option<bool> _all = new("--all") { Description = "every one" };

        protected override IEnumerable<System.CommandLine.Option> Options => [_all];

        public override Task<int> RunAsync(System.CommandLine.ParseResult args, CancellationToken cancellationToken) => Task.FromResult(args.GetValue(_all) ? 7 : 3);
    }

    private sealed class GroupCommand(VerbCommand scan, VerbCommand list) : CliCommand("library", "a group of verbs")
    {
        public override IEnumerable<CliCommand> Subcommands => [scan, list];

        protected override IEnumerable<System.CommandLine.Option> Options => [];

        public override Task<int> RunAsync(System.CommandLine.ParseResult args, CancellationToken cancellationToken) => Task.FromResult(1);
    }

    [Fact]
    public async Task A_group_command_runs_its_verbs_and_names_them_in_errors()
    {
        var group = new GroupCommand(new VerbCommand("scan"), new VerbCommand("list"));
        var cli = new OrpheusCommandLine([group], (command, args, ct) => command.RunAsync(args, ct));

        var scan = cli.Parse(["library", "scan", "--all"]);
        cli.Selected(scan).ShouldNotBeNull().Name.ShouldBe("scan");
        (await scan.InvokeAsync(cancellationToken: TestContext.Current.CancellationToken)).ShouldBe(7);

        var typo = cli.Parse(["library", "sacn"]);
        CommandLineErrors.OneLine(typo).ShouldBe("unknown command 'sacn' (did you mean scan?); 'orpheus library --help' lists them");

        var bogus = cli.Parse(["library", "list", "--bogus"]);
        CommandLineErrors.Prefix(bogus).ShouldBe("orpheus library list");
        CommandLineErrors.OneLine(bogus).ShouldBe("unknown option --bogus");
    }

    [Fact]
    public void Help_asks_for_no_command_and_reports_no_error()
    {
        using var host = BuildHost([]);
        var cli = new OrpheusCommandLine(host.Services.GetServices<CliCommand>(), (_, _, _) => Task.FromResult(0));

        foreach (var line in new[] { "--help", "help", "help listen", "listen -h", "serve --bogus --help" })
        {
            var parsed = cli.Parse(line.Split(' '));
            CommandLineErrors.OneLine(parsed).ShouldBeNull(line);
            parsed.Action.ShouldNotBeNull(line).GetType().Name.ShouldBe("HelpWithDetails", line);
        }
    }

    /// <summary>The settings sections the app registers, and a configuration of the shipped file plus <paramref name="settings"/>.</summary>
    private static (IConfiguration Configuration, IReadOnlyList<SettingsSection> Sections) Settings(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(OrpheusProcess.AppDirectory, "config", "appsettings.json"))
            .AddInMemoryCollection(settings)
            .Build();
        services.AddOrpheusLogging(configuration);
        services.AddOrpheusServices(configuration);
        return (configuration, [.. services.SettingsSections()]);
    }

    [Fact]
    public void Every_key_of_the_shipped_appsettings_is_a_known_setting_of_the_right_type()
    {
        var (configuration, sections) = Settings([]);

        SettingsCheck.Problems(configuration, sections).ShouldBeEmpty();
        sections.Select(s => s.Section).ShouldContain("Debounce");
        sections.Select(s => s.Section).ShouldContain("Model");
        sections.Select(s => s.Section).ShouldContain("Spotify");
    }

    [Theory]
    [InlineData("Debounce:Treshold", "0.5", "unknown setting Debounce:Treshold (did you mean Debounce:Threshold?)")]
    [InlineData("Model:path2", "x.onnx", "unknown setting Model:path2 (did you mean Model:Path?)")]
    [InlineData("Spotify:Resilience:NetworkRetrys", "2", "unknown setting Spotify:Resilience:NetworkRetrys (did you mean Spotify:Resilience:NetworkRetries?)")]
    [InlineData("Debounce:Threshold", "high", "Debounce:Threshold must be a number (got 'high')")]
    [InlineData("Api:MaxUploadBytes", "1.5", "Api:MaxUploadBytes must be a whole number (got '1.5')")]
    [InlineData("Audio:Fast", "sometimes", "Audio:Fast must be true or false (got 'sometimes')")]
    [InlineData("Log:ConsoleLevel", "Loud", "Log:ConsoleLevel must be one of Verbose, Debug, Information, Warning, Error, Fatal (got 'Loud')")]
    [InlineData("Spotify:LoginTimeout", "soon", "Spotify:LoginTimeout must be a duration like 00:05:00 (got 'soon')")]
    public void A_mistyped_key_or_a_value_of_the_wrong_type_is_one_line_naming_the_setting(string key, string value, string message)
    {
        var (configuration, sections) = Settings(new() { [key] = value });

        SettingsCheck.Problems(configuration, sections).ShouldBe([message]);
    }

    [Fact]
    public void Keys_outside_the_known_sections_are_left_alone()
    {
        var (configuration, sections) = Settings(new()
        {
            ["Serilog:MinimumLevel:Override:Polly"] = "Warning",
            ["PATH"] = "/usr/bin",
            ["Somebody:Else"] = "1",
        });

        SettingsCheck.Problems(configuration, sections).ShouldBeEmpty();
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
