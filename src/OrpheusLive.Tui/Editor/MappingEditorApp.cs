using OrpheusLive.Core.Moods;
using OrpheusLive.Tui.Hosting;
using OrpheusLive.Tui.Mapping;

namespace OrpheusLive.Tui.Editor;

/// <summary>The mapping editor on its own (<c>orpheus map</c>): a full-screen UI that ends when the editor is left.</summary>
public static class MappingEditorApp
{
    /// <summary>Runs the editor until the user leaves it (Esc) or <paramref name="cancellationToken"/> is cancelled (nothing is saved then).</summary>
    public static async Task<MappingEditorResult> RunAsync(IMoodMapStore store, MappingEditorOptions? options, TerminalUiOptions? terminal,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var result = MappingEditorResult.Unchanged;
        await TerminalUi.RunAsync(terminal ?? new TerminalUiOptions(), session => result = MappingEditor.Run(session, store, options ?? new MappingEditorOptions()),
            cancellationToken).ConfigureAwait(false);
        return result;
    }
}
