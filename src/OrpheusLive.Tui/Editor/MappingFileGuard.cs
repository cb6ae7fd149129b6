using OrpheusLive.Core.Moods;

namespace OrpheusLive.Tui.Editor;

/// <summary>
/// Tells the editor whether the user's mapping file is unreadable (through the same parser and validation the store
/// uses), so it can say why before the user edits; the store's save keeps such a file as its backup.
/// </summary>
public static class MappingFileGuard
{
    /// <summary>Why the file at <paramref name="path"/> cannot be used, or null when it is absent or valid.</summary>
    /// <param name="path">The user's mapping file.</param>
    /// <param name="targets">The players' target rules the store validates with.</param>
    public static string? Problem(string path, MoodTargetRules targets)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(targets);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            MoodMapSerializer.Parse(File.ReadAllText(path), path, targets);
            return null;
        }
        catch (MoodMapException e)
        {
            return e.Message;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"{path}: could not be read: {e.Message}";
        }
    }
}
