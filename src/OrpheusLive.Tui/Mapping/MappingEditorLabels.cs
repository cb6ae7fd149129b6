namespace OrpheusLive.Tui.Mapping;

/// <summary>How the editor's exits are worded: it runs inside the dashboard ("return") or on its own ("quit").</summary>
/// <param name="Save">The save-and-leave menu entry.</param>
/// <param name="Close">The leave-without-saving menu entry (always the last entry of the main menu).</param>
public sealed record MappingEditorLabels(string Save, string Close)
{
    /// <summary>Inside the dashboard.</summary>
    public static MappingEditorLabels Dashboard { get; } = new("Save and return to the dashboard", "Return to the dashboard without saving");

    /// <summary>As <c>orpheus map</c>.</summary>
    public static MappingEditorLabels Standalone { get; } = new("Save and quit", "Quit without saving");
}
