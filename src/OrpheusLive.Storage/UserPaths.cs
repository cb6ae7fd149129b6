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
    public static string ConfigDirectory
    {
        get
        {
            var overridden = Environment.GetEnvironmentVariable(ConfigDirVariable);
            if (!string.IsNullOrWhiteSpace(overridden))
            {
                return Path.GetFullPath(overridden);
            }

            if (OperatingSystem.IsWindows())
            {
                return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "OrpheusLive");
            }

            var xdg = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME");
            var root = string.IsNullOrWhiteSpace(xdg)
                ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config")
                : xdg;
            return Path.Combine(root, "orpheus");
        }
    }

    /// <summary>The directory for log files (<c>logs</c> under <see cref="ConfigDirectory"/>).</summary>
    public static string LogDirectory => Path.Combine(ConfigDirectory, "logs");

    /// <summary>The directory of calibration profiles (<c>profiles</c> under <see cref="ConfigDirectory"/>, one <c>NAME.json</c> each).</summary>
    public static string ProfileDirectory => Path.Combine(ConfigDirectory, "profiles");

    /// <summary>Resolves a path from configuration: absolute paths as they are, relative ones against the app's folder.</summary>
    public static string ResolveAppPath(string path) =>
        Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, path));
}
