using System.CommandLine;
using OrpheusLive.Cli;
using OrpheusLive.Core.Moods;
using OrpheusLive.Tui.Editor;
using OrpheusLive.Tui.Hosting;
using OrpheusLive.Tui.Mapping;

namespace OrpheusLive.Commands.Tui;

/// <summary>
/// <c>orpheus map</c>: the mapping editor on its own. Saves atomically to the user's mapping file; a dashboard or
/// <c>orpheus listen</c> running in another terminal picks the change up without restarting.
/// </summary>
public sealed class MapCommand(IMoodMapStore moods, MappingTargetCatalogs catalogs) : CliCommand("map", "Edit which mood each emotion starts and which playlists each mood plays")
{
    /// <inheritdoc />
    public override bool OwnsTerminal => true;

    /// <inheritdoc />
    public override string Details => $"""
        A table of emotion → mood → shuffle → targets; the selected row is edited in place: its mood (an existing
        one, a new name, or empty for "not mapped"), its targets (spotify:playlist|album|track:…, open.spotify.com
        links or local folders; F2 picks a folder) and shuffle. Ctrl+S saves, Esc leaves.
        Saved to {moods.UserFilePath} (a file it replaces that was not valid is kept as moods.json.bak).
        Needs an interactive terminal.
        """;

    /// <inheritdoc />
    protected override IEnumerable<Option> Options => [];

    /// <inheritdoc />
    public override async Task<int> RunAsync(ParseResult args, CancellationToken cancellationToken)
    {
        if (!TerminalCheck.IsInteractive(out var problem))
        {
            await Console.Error.WriteLineAsync(
                $"orpheus {Name}: the mapping editor needs an interactive terminal ({problem}). Edit {moods.UserFilePath} instead (the format is in config/moods.json).");
            return 2;
        }

        var result = await MappingEditorApp.RunAsync(moods, new MappingEditorOptions { TargetCatalogs = catalogs.Available() }, null, cancellationToken);
        Console.WriteLine(result == MappingEditorResult.Saved
            ? $"Saved the mapping to {moods.UserFilePath}."
            : "No changes saved.");
        return 0;
    }
}
