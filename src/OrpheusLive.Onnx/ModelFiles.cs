using System.Text;
using OrpheusLive.Core.Emotions;

namespace OrpheusLive.Onnx;

/// <summary>Finds model files and rejects the ones that cannot be models before ONNX Runtime sees them.</summary>
internal static class ModelFiles
{
    /// <summary>
    /// The full path of <paramref name="configuredPath"/>: as given when absolute, else the first of (current directory,
    /// app directory) where it exists, else the current-directory candidate.
    /// </summary>
    public static string Resolve(string configuredPath) => Candidates(configuredPath).FirstOrDefault(File.Exists) ?? Candidates(configuredPath)[0];

    private static IReadOnlyList<string> Candidates(string configuredPath)
    {
        if (Path.IsPathRooted(configuredPath)) return [configuredPath];
        string inCurrentDirectory = Path.GetFullPath(configuredPath);
        string nextToApp = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, configuredPath));
        return inCurrentDirectory == nextToApp ? [inCurrentDirectory] : [inCurrentDirectory, nextToApp];
    }

    /// <summary>Throws a user-facing <see cref="ModelException"/> when the file is missing, empty or a Git LFS pointer.</summary>
    /// <param name="configuredPath">The path as configured.</param>
    /// <param name="what">"Emotion model" / "Speech detection (VAD) model".</param>
    /// <param name="settingName">The setting that names the file, for the hint.</param>
    public static string RequireFile(string configuredPath, string what, string settingName)
    {
        string path = Resolve(configuredPath);
        if (!File.Exists(path))
        {
            string looked = string.Join(" and ", Candidates(configuredPath).Select(c => $"'{c}'"));
            throw new ModelException(
                $"{what} not found: '{configuredPath}' (looked for {looked}). " +
                $"Hint: set {settingName} in appsettings.json (or --{settingName}=<file>) to an existing .onnx file.");
        }

        var length = new FileInfo(path).Length;
        if (length == 0)
        {
            throw new ModelException($"{what} '{path}' is an empty file. Hint: the copy or download was interrupted; replace it with the real model.");
        }

        if (length < 1024 && IsGitLfsPointer(path))
        {
            throw new ModelException(
                $"{what} '{path}' is a Git LFS pointer, not the model itself. Hint: run 'git lfs pull' in the repository, or copy the real file there.");
        }

        return path;
    }

    private static bool IsGitLfsPointer(string path)
    {
        string head = Encoding.ASCII.GetString(File.ReadAllBytes(path));
        return head.StartsWith("version https://git-lfs", StringComparison.Ordinal);
    }
}
