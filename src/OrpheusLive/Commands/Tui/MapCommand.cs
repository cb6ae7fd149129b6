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
public sealed class MapCommand(IMoodMapStore moods) : ICliCommand
{
    /// <inheritdoc />
    public string Name => "map";

    /// <inheritdoc />
    public string Summary => "Edit which mood each emotion starts and which playlists each mood plays";

    /// <inheritdoc />
    public string Usage => $"""
        usage: orpheus map

          A table of emotion → mood → shuffle → targets; the selected row is edited in place: its mood (an existing
          one, a new name, or empty for "not mapped"), its targets (spotify:playlist|album|track:…, open.spotify.com
          links or local folders; F2 picks a folder) and shuffle. Ctrl+S saves, Esc leaves.
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
        if (!TerminalCheck.IsInteractive(out var problem))
        {
            await Console.Error.WriteLineAsync(
                $"orpheus {Name}: the mapping editor needs an interactive terminal ({problem}). Edit {moods.UserFilePath} instead (the format is in config/moods.json).");
            return 2;
        }

        var result = await MappingEditorApp.RunAsync(moods, null, null, cancellationToken);
        Console.WriteLine(result == MappingEditorResult.Saved
            ? $"Saved the mapping to {moods.UserFilePath}."
            : "No changes saved.");
        return 0;
    }
}
