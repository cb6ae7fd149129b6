using Microsoft.Extensions.Configuration;
using OrpheusLive.Cli;

namespace OrpheusLive.Hosting;

/// <summary>What a user asked to listen to, from command-line options over configuration.</summary>
/// <param name="InputFile">A WAV file, or null for the microphone.</param>
/// <param name="Fast">Read the file as fast as possible.</param>
/// <param name="Device">Microphone device name, or null for the default.</param>
/// <param name="Player">Player name ("auto", "console", "local", "spotify").</param>
public sealed record ListenRequest(string? InputFile, bool Fast, string? Device, string Player)
{
    /// <summary>
    /// Reads <c>--input</c>, <c>--fast</c>, <c>--device</c> and <c>--player</c>, falling back to the <c>Audio</c> section
    /// and then to <paramref name="defaultPlayer"/>.
    /// </summary>
    /// <exception cref="CommandLineException">The input file does not exist.</exception>
    public static ListenRequest From(CommandArgs args, IConfiguration configuration, string defaultPlayer)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(configuration);
        var input = args.Value("input") ?? NullIfEmpty(configuration["Audio:Input"]);
        if (input is not null && !File.Exists(input))
        {
            throw new CommandLineException($"input file not found: {input}");
        }

        return new ListenRequest(
            input,
            args.Has("fast") || configuration.GetValue("Audio:Fast", false),
            args.Value("device") ?? NullIfEmpty(configuration["Audio:Device"]),
            args.Value("player") ?? defaultPlayer);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
