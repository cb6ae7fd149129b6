using System.Diagnostics;
using System.Runtime.InteropServices;

namespace OrpheusLive.Audio.Tests;

/// <summary>
/// A running PulseAudio server with the virtual devices of scripts/ci-audio.sh. If the environment does not already
/// reach one (the test script sources ci-audio.sh), the fixture runs the script itself; if pulseaudio is not installed
/// the tests skip with <see cref="SkipReason"/>.
/// </summary>
public sealed partial class PulseAudioFixture : IAsyncLifetime
{
    public string? SkipReason { get; private set; }

    public string Sink { get; private set; } = "orpheus_null";

    public string SineSource { get; private set; } = "orpheus_sine";

    public string PipeSource { get; private set; } = "orpheus_pipe";

    public string PipeFifo { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        if (OperatingSystem.IsWindows())
        {
            SkipReason = "PulseAudio tests run on Linux only.";
            return;
        }
        if (!await HasOrpheusDevices())
        {
            var script = Path.Combine(RepoPaths.Root, "scripts", "ci-audio.sh");
            if (!File.Exists(script))
            {
                SkipReason = $"No PulseAudio server with the test devices and no {script} to start one.";
                return;
            }
            if (Which("pulseaudio") is null)
            {
                SkipReason = "pulseaudio is not installed (apt-get install pulseaudio pulseaudio-utils); skipping real-device tests.";
                return;
            }
            var (code, output) = await Run("bash", script, "--print-env");
            if (code != 0)
            {
                SkipReason = $"scripts/ci-audio.sh failed ({code}): {output}";
                return;
            }
            // libpulse reads PULSE_SERVER from the native environment, which Environment.SetEnvironmentVariable does
            // not change on Unix: set both.
            foreach (var match in ExportLine().Matches(output).Cast<System.Text.RegularExpressions.Match>())
            {
                var name = match.Groups[1].Value;
                var value = match.Groups[2].Value.Trim('\'', '"');
                Environment.SetEnvironmentVariable(name, value);
                _ = SetEnv(name, value, 1);
            }
            if (!await HasOrpheusDevices())
            {
                SkipReason = "scripts/ci-audio.sh ran but the test devices are not reachable.";
                return;
            }
        }
        Sink = Environment.GetEnvironmentVariable("ORPHEUS_PULSE_SINK") ?? Sink;
        SineSource = Environment.GetEnvironmentVariable("ORPHEUS_PULSE_SINE_SOURCE") ?? SineSource;
        PipeSource = Environment.GetEnvironmentVariable("ORPHEUS_PULSE_PIPE_SOURCE") ?? PipeSource;
        PipeFifo = Environment.GetEnvironmentVariable("ORPHEUS_PULSE_PIPE_FIFO") ?? await FindFifo();
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask; // the daemon is shared; ci-audio.sh reuses it

    public void SkipIfUnavailable()
    {
        if (SkipReason is not null) Assert.Skip(SkipReason);
    }

    /// <summary>
    /// A null sink of the test's own on the shared daemon, unloaded when disposed: nothing another test (or another
    /// test process, which all play to the default sink) plays reaches its monitor.
    /// </summary>
    public static async Task<PrivateSink> CreateSinkAsync(string prefix)
    {
        var name = $"{prefix}_{Environment.ProcessId}_{Guid.NewGuid():N}";
        var (code, output) = await Run("pactl", "load-module", "module-null-sink", $"sink_name={name}", "rate=48000", "channels=2");
        if (code != 0 || !int.TryParse(output.Trim(), out var module))
            throw new InvalidOperationException($"pactl load-module module-null-sink failed ({code}): {output}");
        return new PrivateSink(name, module);
    }

    /// <summary>A sink made by <see cref="CreateSinkAsync"/>; <see cref="Name"/> + ".monitor" is its monitor source.</summary>
    public sealed record PrivateSink(string Name, int Module) : IAsyncDisposable
    {
        /// <inheritdoc />
        public async ValueTask DisposeAsync() => await Run("pactl", "unload-module", Module.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private async Task<bool> HasOrpheusDevices()
    {
        if (Which("pactl") is null) return false;
        var (code, output) = await Run("pactl", "list", "short", "sources");
        return code == 0 && output.Contains(PipeSource, StringComparison.Ordinal) && output.Contains(SineSource, StringComparison.Ordinal);
    }

    private static async Task<string> FindFifo()
    {
        var (_, output) = await Run("pactl", "list", "modules");
        var match = System.Text.RegularExpressions.Regex.Match(output, @"source_name=orpheus_pipe file=(\S+)");
        return match.Success ? match.Groups[1].Value : "";
    }

    private static async Task<(int Code, string Output)> Run(string program, params string[] arguments)
    {
        var psi = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments) psi.ArgumentList.Add(a);
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static string? Which(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
        .Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);

    [System.Text.RegularExpressions.GeneratedRegex(@"^export (\w+)=(.*)$", System.Text.RegularExpressions.RegexOptions.Multiline)]
    private static partial System.Text.RegularExpressions.Regex ExportLine();

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnv(string name, string value, int overwrite);
}
