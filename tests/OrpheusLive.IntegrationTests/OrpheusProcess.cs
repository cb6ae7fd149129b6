using System.Diagnostics;

namespace OrpheusLive.IntegrationTests;

/// <summary>Runs the real `orpheus` app (built next to this test assembly) as a child process.</summary>
public static class OrpheusProcess
{
    /// <summary>The app's folder (the test output folder: the app and its config/models/samples are copied there).</summary>
    public static string AppDirectory => AppContext.BaseDirectory;

    /// <summary>The bundled demo input.</summary>
    public static string DemoWav => Path.Combine(AppDirectory, "samples", "demo.wav");

    /// <summary>The demo's emotion blocks (seconds), as samples/make-samples.sh prints them and samples/README.md lists them.</summary>
    public static IReadOnlyList<(string Label, double Start, double End)> DemoBlocks { get; } =
    [
        ("neutral", 1.0, 10.0), ("happy", 11.5, 23.5), ("angry", 25.0, 37.4), ("sad", 40.4, 58.9),
    ];

    /// <summary>The shipped model.</summary>
    public static string Model => Path.Combine(AppDirectory, "models", "orpheus-ser.onnx");

    /// <summary>Runs orpheus with <paramref name="args"/> and a private config directory; returns exit code and output.</summary>
    public static async Task<(int ExitCode, string StdOut, string StdErr)> RunAsync(
        IEnumerable<string> args, string configDirectory, TimeSpan? timeout = null, IDictionary<string, string>? environment = null)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = AppDirectory,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(Path.Combine(AppDirectory, "orpheus.dll"));
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["ORPHEUS_CONFIG_DIR"] = configDirectory;
        psi.Environment["NO_COLOR"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            psi.Environment[key] = value;
        }

        return await ChildProcess.RunAsync(
            psi, timeout ?? TimeSpan.FromMinutes(3), $"orpheus {string.Join(' ', psi.ArgumentList.Skip(1))}");
    }
}
