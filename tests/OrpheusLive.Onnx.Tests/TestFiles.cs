using System.Text.Json;

namespace OrpheusLive.Onnx.Tests;

/// <summary>Where the test inputs are.</summary>
internal static class TestFiles
{
    /// <summary>A file from tests/fixtures/onnx, as copied into the test output.</summary>
    public static string Fixture(string name)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "fixtures", "onnx", name);
        if (!File.Exists(path)) throw new FileNotFoundException($"Test fixture missing from the output: {path}");
        return path;
    }

    /// <summary>The repository root (the folder holding OrpheusLive.sln), found by walking up from the test output.</summary>
    public static string RepoRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "OrpheusLive.sln"))) return dir.FullName;
            }

            throw new DirectoryNotFoundException("OrpheusLive.sln not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>The Silero VAD model the build copied next to the tests.</summary>
    public static string VadModel => Path.Combine(AppContext.BaseDirectory, "models", "silero_vad_v5.onnx");

    /// <summary>The numpy reference probabilities tests/fixtures/onnx/make_models.py wrote for a fixture model.</summary>
    public static float[] ReferenceProbabilities(string model)
    {
        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(Fixture("reference.json")));
        return json.RootElement.GetProperty("expected").GetProperty(model).GetProperty("probabilities")
            .EnumerateArray().Select(e => (float)e.GetDouble()).ToArray();
    }
}
