namespace OrpheusLive.Audio.Decoding;

/// <summary>Finds an executable on a search path (PATH by default), for formats decoded by a Debian program.</summary>
public static class ProgramLocator
{
    /// <summary>The full path of <paramref name="name"/> in <paramref name="searchPath"/> (PATH when null), or null.</summary>
    public static string? Find(string name, string? searchPath = null)
    {
        var path = searchPath ?? Environment.GetEnvironmentVariable("PATH");
        if (string.IsNullOrEmpty(path)) return null;
        var file = OperatingSystem.IsWindows() ? name + ".exe" : name;
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var full = Path.Combine(dir, file);
            if (File.Exists(full)) return full;
        }
        return null;
    }
}
