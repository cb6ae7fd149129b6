namespace OrpheusLive.Storage;

/// <summary>Where per-user files (mapping edits, tokens, logs) live.</summary>
public static class UserPaths
{
    /// <summary>Environment variable that overrides the user configuration directory (used by tests and portable installs).</summary>
    public const string ConfigDirVariable = "ORPHEUS_CONFIG_DIR";

    /// <summary>
    /// The user's OrpheusLive configuration directory: <c>$ORPHEUS_CONFIG_DIR</c>, else <c>$XDG_CONFIG_HOME/orpheus</c>,
    /// else <c>~/.config/orpheus</c> (on Windows <c>%APPDATA%\OrpheusLive</c>). Not created here.
    /// </summary>
    public static string ConfigDirectory => PerUser(Environment.SpecialFolder.ApplicationData, "XDG_CONFIG_HOME", ".config");

    /// <summary>
    /// The user's OrpheusLive data directory (the music library's database): <c>$ORPHEUS_CONFIG_DIR</c> when set (tests,
    /// portable installs keep everything in one folder), else <c>$XDG_DATA_HOME/orpheus</c>, else
    /// <c>~/.local/share/orpheus</c> (on Windows <c>%LOCALAPPDATA%\OrpheusLive</c>). Not created here.
    /// </summary>
    public static string DataDirectory => PerUser(Environment.SpecialFolder.LocalApplicationData, "XDG_DATA_HOME", Path.Combine(".local", "share"));

    /// <summary>The music library's default database (<c>library.db</c> under <see cref="DataDirectory"/>).</summary>
    public static string LibraryDatabase => Path.Combine(DataDirectory, "library.db");

    /// <summary>The directory for log files (<c>logs</c> under <see cref="ConfigDirectory"/>).</summary>
    public static string LogDirectory => Path.Combine(ConfigDirectory, "logs");

    /// <summary>The directory of calibration profiles (<c>profiles</c> under <see cref="ConfigDirectory"/>, one <c>NAME.json</c> each).</summary>
    public static string ProfileDirectory => Path.Combine(ConfigDirectory, "profiles");

    /// <summary>Resolves a path from configuration: absolute paths as they are, relative ones against the app's folder.</summary>
    public static string ResolveAppPath(string path) =>
        Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, path));

    // $ORPHEUS_CONFIG_DIR, else (Windows) the special folder's OrpheusLive, else $XDG_…/orpheus or ~/<fallback>/orpheus.
    private static string PerUser(Environment.SpecialFolder windowsFolder, string xdgVariable, string homeFallback)
    {
        var overridden = Environment.GetEnvironmentVariable(ConfigDirVariable);
        if (!string.IsNullOrWhiteSpace(overridden))
        {
            return Path.GetFullPath(overridden);
        }

        if (OperatingSystem.IsWindows())
        {
            return Path.Combine(Environment.GetFolderPath(windowsFolder), "OrpheusLive");
        }

        var xdg = Environment.GetEnvironmentVariable(xdgVariable);
        var root = string.IsNullOrWhiteSpace(xdg)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), homeFallback)
            : xdg;
        return Path.Combine(root, "orpheus");
    }
}
