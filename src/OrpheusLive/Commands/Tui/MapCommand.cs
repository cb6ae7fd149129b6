using OrpheusLive.Cli;
using OrpheusLive.Core.Moods;
using OrpheusLive.Tui.Mapping;
using OrpheusLive.Tui.Terminal;
using Spectre.Console;

namespace OrpheusLive.Commands.Tui;

/// <summary>
/// <c>orpheus map</c>: the mapping editor on its own. Saves atomically to the user's mapping file; a dashboard or
/// <c>orpheus listen</c> running in another terminal picks the change up without restarting.
/// </summary>
public sealed class MapCommand(IMoodMapStore moods) : ICliCommand
{
    /// <inheritdoc />
    public string Name => "map";

    /// <inheritdoc />
    public string Summary => "Edit which mood each emotion starts and which playlists each mood plays";

    /// <inheritdoc />
    public string Usage => $"""
        usage: orpheus map

          Lists emotion → mood and mood → playlists; change an emotion's mood, add or remove playlists
          (spotify:playlist|album|track:…, open.spotify.com links or local folders), toggle shuffle, then save.
          Saved to {moods.UserFilePath}.
          Needs an interactive terminal.
        """;

    /// <inheritdoc />
    public IReadOnlySet<string> Flags { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "help" };

    /// <inheritdoc />
    public async Task<int> RunAsync(CommandArgs args, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        args.RejectUnknown("help");
        if (!TerminalCheck.IsInteractive(AnsiConsole.Console, out var problem))
        {
            await Console.Error.WriteLineAsync(
                $"orpheus {Name}: the mapping editor needs an interactive terminal ({problem}). Edit {moods.UserFilePath} instead (the format is in config/moods.json).");
            return 2;
        }

        var console = AnsiConsole.Console;
        MappingEditorResult result;
        try
        {
            using var screen = TerminalScreen.Enter(console);
            result = await new MappingEditor(console, moods, MappingEditorLabels.Standalone).RunAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Console.WriteLine("Mapping editor closed; nothing was saved.");
            return 0;
        }

        Console.WriteLine(result == MappingEditorResult.Saved
            ? $"Saved the mapping to {moods.UserFilePath}."
            : "No changes saved.");
        return 0;
    }
}
