namespace OrpheusLive.Audio.Playback;

/// <summary>How the built-in player reads a mapping target as a local folder or file (shared by playing and validating).</summary>
internal static class LocalTargetPaths
{
    /// <summary>
    /// True when <paramref name="target"/> is a local path: a plain path (also <c>C:\…</c>) or a <c>file://</c> URI.
    /// <c>spotify:…</c>, <c>https://…</c> and other URIs are for other players.
    /// </summary>
    public static bool TryLocalPath(string target, out string path)
    {
        path = target;
        if (target.StartsWith("file://", StringComparison.OrdinalIgnoreCase) && Uri.TryCreate(target, UriKind.Absolute, out var uri))
        {
            path = uri.LocalPath;
            return true;
        }

        var colon = target.IndexOf(':', StringComparison.Ordinal);
        var looksLikeDrive = colon == 1 && char.IsAsciiLetter(target[0]);
        return colon <= 0 || looksLikeDrive;
    }

    /// <summary>
    /// The full path of a local target: <c>~/</c> is the home folder; relative targets resolve against
    /// <paramref name="musicRoot"/> when set, otherwise against the current directory, then the app folder (where the
    /// build copies samples/music), whichever has it. <paramref name="fromCurrentDirectoryOnly"/> tells that it exists only
    /// relative to the current directory (so a saved mapping should hold the absolute path).
    /// </summary>
    public static string Resolve(string path, string? musicRoot, out bool fromCurrentDirectoryOnly)
    {
        fromCurrentDirectoryOnly = false;
        if (path.StartsWith("~/", StringComparison.Ordinal))
        {
            path = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), path[2..]);
        }

        if (Path.IsPathRooted(path)) return Path.GetFullPath(path);
        if (!string.IsNullOrWhiteSpace(musicRoot)) return Path.GetFullPath(Path.Combine(musicRoot, path));
        var fromApp = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, path));
        var fromCurrent = Path.GetFullPath(path);
        if (Exists(fromCurrent))
        {
            fromCurrentDirectoryOnly = !Exists(fromApp);
            return fromCurrent;
        }

        return Exists(fromApp) ? fromApp : fromCurrent;
    }

    /// <summary>True when a folder or file exists at <paramref name="path"/>.</summary>
    public static bool Exists(string path) => Directory.Exists(path) || File.Exists(path);
}
