using OrpheusLive.Tui.Mapping;

namespace OrpheusLive.Tui.Editor;

/// <summary>
/// The columns of the editor's table, in order: one place to add one (the music library adds a per-emotion
/// "Policy" column, match/lift, beside "Mood"). The targets come last: on a narrow terminal they are what gets cut.
/// </summary>
internal static class MappingColumns
{
    /// <summary>Column title → the cell text for a row.</summary>
    public static Dictionary<string, Func<EmotionMapping, object>> For(MappingDraft draft) => new()
    {
        ["Emotion"] = row => row.Emotion,
        ["Mood"] = row => row.Mood ?? "(not mapped)",
        ["Shuffle"] = row => row.Mood is null ? "" : draft.TargetsOf(row.Mood).Shuffle ? "on" : "off",
        ["Targets"] = row => row.Mood is null ? "" : Targets(draft, row.Mood),
    };

    private static string Targets(MappingDraft draft, string mood)
    {
        var targets = draft.TargetsOf(mood).Targets;
        return targets.Count == 0 ? "✗ none yet" : string.Join(", ", targets);
    }
}
