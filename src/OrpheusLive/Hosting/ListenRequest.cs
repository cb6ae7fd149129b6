using Microsoft.Extensions.Configuration;
using OrpheusLive.Cli;
using OrpheusLive.Storage;

namespace OrpheusLive.Hosting;

/// <summary>What a user asked to listen to, from command-line options over configuration: what a command hands the host.</summary>
/// <param name="InputFile">An audio file, or null for the microphone.</param>
/// <param name="Fast">Read the file as fast as possible.</param>
/// <param name="Device">Microphone device name, or null for the default.</param>
/// <param name="Player">Player name ("auto", "console", "local", "spotify").</param>
public sealed record ListenRequest(string? InputFile, bool Fast, string? Device, string Player)
{
    /// <summary>
    /// Without a file: when no microphone can be opened, listen to the bundled demo input instead (with the
    /// <c>microphone.missing</c> warning) rather than failing. The dashboard does this so a fresh machine shows the
    /// whole pipeline working.
    /// </summary>
    public bool DemoWhenNoMicrophone { get; init; }

    /// <summary>The calibration profile the run adapts and saves (<c>--profile NAME</c>; default <c>default</c>).</summary>
    public string Profile { get; init; } = FileSpeakerProfileStore.DefaultProfile;

    /// <summary>
    /// Reads <c>--input</c>, <c>--fast</c>, <c>--device</c>, <c>--player</c> and <c>--profile</c>, falling back to the <c>Audio</c> section
    /// and then to <paramref name="defaultPlayer"/>.
    /// </summary>
    /// <param name="args">The command's options.</param>
    /// <param name="configuration">The app's configuration (the <c>Audio</c> section).</param>
    /// <param name="defaultPlayer">The player when <c>--player</c> is not given.</param>
    /// <param name="players">The player names this build knows (<c>IPlayerFactory.Names</c>).</param>
    /// <exception cref="CommandLineException">The input file does not exist, the player is unknown or the profile name is invalid.</exception>
    public static ListenRequest From(CommandArgs args, IConfiguration configuration, string defaultPlayer, IReadOnlyCollection<string> players)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(players);
        var input = args.Value("input") ?? NullIfEmpty(configuration["Audio:Input"]);
        if (input is not null && !File.Exists(input))
        {
            throw new CommandLineException($"input file not found: {input}");
        }

        var player = args.Value("player") ?? defaultPlayer;
        if (!players.Contains(player, StringComparer.OrdinalIgnoreCase))
        {
            throw new CommandLineException($"unknown player '{player}' (known: {string.Join(", ", players)})");
        }

        var profile = args.Value("profile") ?? FileSpeakerProfileStore.DefaultProfile;
        if (FileSpeakerProfileStore.ValidateName(profile) is { } badProfile)
        {
            throw new CommandLineException(badProfile);
        }

        return new ListenRequest(
            input,
            args.Has("fast") || configuration.GetValue("Audio:Fast", false),
            args.Value("device") ?? NullIfEmpty(configuration["Audio:Device"]),
            player)
        { Profile = profile };
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
