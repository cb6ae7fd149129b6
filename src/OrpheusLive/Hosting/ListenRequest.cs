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
    /// The request from the command line's <c>--input</c>, <c>--fast</c>, <c>--device</c> and <c>--player</c> (null when
    /// not given), falling back to the <c>Audio</c> section and then to <paramref name="defaultPlayer"/>.
    /// </summary>
    /// <param name="input">The <c>--input</c> file, or null.</param>
    /// <param name="fast">True when <c>--fast</c> was given.</param>
    /// <param name="device">The <c>--device</c> name, or null.</param>
    /// <param name="player">The <c>--player</c> name, or null.</param>
    /// <param name="configuration">The app's configuration (the <c>Audio</c> section).</param>
    /// <param name="defaultPlayer">The player when <c>--player</c> is not given.</param>
    /// <exception cref="CommandLineException">The input file does not exist.</exception>
    public static ListenRequest From(string? input, bool fast, string? device, string? player, IConfiguration configuration, string defaultPlayer)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        input ??= NullIfEmpty(configuration["Audio:Input"]);
        if (input is not null && !File.Exists(input))
        {
            throw new CommandLineException($"input file not found: {input}");
        }

        return new ListenRequest(
            input,
            fast || configuration.GetValue("Audio:Fast", false),
            device ?? NullIfEmpty(configuration["Audio:Device"]),
            player ?? defaultPlayer);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
