using System.Globalization;
using OrpheusLive.Core.Moods;

namespace OrpheusLive.Tui.Editor;

/// <summary>
/// Keeps the editor from overwriting a mapping file it could not read: tells whether the user's file is unreadable
/// (through the same parser and validation the store uses), and copies it aside before a save replaces it.
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

    /// <summary>
    /// Copies <paramref name="path"/> to "<c>NAME.unreadable-yyyyMMdd-HHmmss.bak</c>" beside it (never over an existing
    /// file) and returns the backup's path.
    /// </summary>
    /// <exception cref="IOException">The copy failed; the caller must not save over the file then.</exception>
    public static string BackUp(string path, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(path);
        var stamp = now.ToLocalTime().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var backup = $"{path}.unreadable-{stamp}.bak";
        for (var n = 2; File.Exists(backup); n++)
        {
            backup = $"{path}.unreadable-{stamp}-{n}.bak";
        }

        File.Copy(path, backup, overwrite: false);
        return backup;
    }
}
