namespace OrpheusLive.Audio.Tests;

/// <summary>Finds the repository root (the folder with OrpheusLive.sln) from the test binaries.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OrpheusLive.sln")) || Directory.Exists(Path.Combine(dir.FullName, "scripts")) && File.Exists(Path.Combine(dir.FullName, "Directory.Build.props")))
                return dir.FullName;
        }
        return Directory.GetCurrentDirectory();
    }
}
