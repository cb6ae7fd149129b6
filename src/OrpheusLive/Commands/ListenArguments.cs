using System.CommandLine;
using Microsoft.Extensions.Configuration;
using OrpheusLive.Cli;
using OrpheusLive.Core.Playback;
using OrpheusLive.Hosting;
using OrpheusLive.Storage;

namespace OrpheusLive.Commands;

/// <summary>
/// The options every listening command shares (<c>listen</c>, <c>run</c>, <c>serve --listen</c>): <c>--input</c>,
/// <c>--fast</c>, <c>--player</c> (only the players this build knows), <c>--device</c> and <c>--profile</c>, and the
/// <see cref="ListenRequest"/> they make.
/// </summary>
public sealed class ListenArguments
{
    /// <summary>Declares the options; <paramref name="playerHelp"/> says what the default player is.</summary>
    public ListenArguments(IPlayerFactory players, string playerHelp)
    {
        ArgumentNullException.ThrowIfNull(players);
        Player = new Option<string>("--player") { Description = playerHelp, HelpName = "NAME" }
            .OnlyFrom("a player", [.. players.Names]);
    }

    /// <summary><c>--input FILE</c>: analyse an audio file instead of the microphone.</summary>
    public Option<string> Input { get; } = new("--input")
    {
        Description = "analyse an audio file (WAV, FLAC, OGG, Opus, MP3; any rate and channels) instead of the microphone",
        HelpName = "FILE",
    };

    /// <summary><c>--fast</c>: read the file as fast as possible.</summary>
    public Option<bool> Fast { get; } = new("--fast") { Description = "read the file as fast as possible instead of in real time" };

    /// <summary><c>--player NAME</c>: who plays the music.</summary>
    public Option<string> Player { get; }

    /// <summary><c>--device NAME</c>: the microphone.</summary>
    public Option<string> Device { get; } = new("--device")
    {
        Description = "microphone (PulseAudio source name; default: the system default)",
        HelpName = "NAME",
    };

    /// <summary><c>--profile NAME</c>: the calibration profile the run adapts and saves.</summary>
    public Option<string> Profile { get; } = CreateProfile();

    /// <summary>The five options, in help order.</summary>
    public IEnumerable<Option> All => [Input, Fast, Player, Device, Profile];

    /// <summary>True when any of the five was given.</summary>
    public bool AnyGiven(ParseResult args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return All.Any(o => args.GetResult(o) is { Implicit: false });
    }

    /// <summary>What the user asked to listen to (command line over configuration, then <paramref name="defaultPlayer"/>).</summary>
    /// <exception cref="CommandLineException">The input file does not exist.</exception>
    public ListenRequest ToRequest(ParseResult args, IConfiguration configuration, string defaultPlayer)
    {
        ArgumentNullException.ThrowIfNull(args);
        var request = ListenRequest.From(args.GetValue(Input), args.GetValue(Fast), args.GetValue(Device), args.GetValue(Player), configuration, defaultPlayer);
        return args.GetValue(Profile) is { } profile ? request with { Profile = profile } : request;
    }

    /// <summary>The <c>--profile</c> option, shared with <c>calibrate</c>: only names a profile file can have.</summary>
    public static Option<string> CreateProfile()
    {
        var option = new Option<string>("--profile")
        {
            Description = $"calibration profile to adapt and save (default: {FileSpeakerProfileStore.DefaultProfile}; see orpheus calibrate)",
            HelpName = "NAME",
        };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is { } name && FileSpeakerProfileStore.ValidateName(name) is { } problem)
            {
                result.AddError($"--profile: {problem}");
            }
        });
        return option;
    }
}
