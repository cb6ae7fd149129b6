namespace OrpheusLive.Onnx.Tests;

/// <summary>
/// Where the real emotion model and its golden vectors are: models/ at the repository root (written by
/// training/export.py), or the folder in ORPHEUS_GOLDEN_MODEL_DIR.
/// </summary>
internal static class GoldenModel
{
    public static string Directory =>
        Environment.GetEnvironmentVariable("ORPHEUS_GOLDEN_MODEL_DIR") is { Length: > 0 } dir ? dir : Path.Combine(TestFiles.RepoRoot, "models");

    public static string ModelPath => Path.Combine(Directory, "orpheus-ser.onnx");

    public static string GoldenPath => Path.Combine(Directory, "orpheus-ser.golden.json");

    /// <summary>Skips the calling test unless the model (and, if asked, the golden vectors) exist.</summary>
    public static void SkipUnlessPresent(bool needGolden)
    {
        Assert.SkipUnless(File.Exists(ModelPath), $"The real emotion model is not there yet: {ModelPath} (training/export.py writes it).");
        if (needGolden)
            Assert.SkipUnless(File.Exists(GoldenPath), $"The golden vectors are not there yet: {GoldenPath} (training/export.py writes them).");
    }
}
