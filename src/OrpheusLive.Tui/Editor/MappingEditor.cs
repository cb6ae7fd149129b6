using OrpheusLive.Core.Moods;
using OrpheusLive.Tui.Hosting;
using OrpheusLive.Tui.Mapping;

namespace OrpheusLive.Tui.Editor;

/// <summary>
/// Opens the mapping editor inside a running UI (the dashboard's [m], or <see cref="MappingEditorApp"/>): first makes
/// sure the user's mapping file can be read — when it cannot, says why and offers to start from the mapping in use
/// (the file is kept as a backup when saving) — then runs <see cref="MappingEditorView"/> until the user leaves.
/// </summary>
public static class MappingEditor
{
    /// <summary>Runs the editor; returns how it was left.</summary>
    public static MappingEditorResult Run(TuiSession session, IMoodMapStore store, MappingEditorOptions options)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        if (MappingFileGuard.Problem(store.UserFilePath, store.Targets) is { } problem)
        {
            var answer = ChoiceDialog.Ask(
                session,
                "The mapping file could not be read",
                $"{problem}\n\nNothing was changed. You can start from the mapping in use (the shipped defaults when the file was " +
                "unreadable from the start); when you save, your file is first kept as a backup beside it.",
                "_Leave", "_Start from the mapping in use");
            if (answer != 1)
            {
                return MappingEditorResult.Unchanged;
            }
        }

        using var view = new MappingEditorView(session, store, options);
        session.Show(view);
        return view.Outcome;
    }
}
