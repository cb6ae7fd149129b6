using OrpheusLive.Cli;
using OrpheusLive.Core.Playback;
using OrpheusLive.Players;

namespace OrpheusLive.IntegrationTests;

/// <summary>Small host pieces that need no process: option parsing and player choice.</summary>
public sealed class HostPiecesTests
{
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
