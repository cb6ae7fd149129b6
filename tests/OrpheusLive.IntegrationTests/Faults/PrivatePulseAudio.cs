using System.Text.RegularExpressions;

namespace OrpheusLive.IntegrationTests.Faults;

/// <summary>
/// A PulseAudio daemon of this test alone (scripts/ci-audio.sh in its own runtime directory: null sink, sine source,
/// pipe source), which the test may kill and restart without disturbing the shared test daemon. Stopped on dispose.
/// Skips the test when pulseaudio is not installed or the script cannot start a daemon here.
/// </summary>
internal sealed partial class PrivatePulseAudio : IAsyncDisposable
{
    private readonly string _script;

    private PrivatePulseAudio(string script, string runtimeDirectory)
    {
        _script = script;
        RuntimeDirectory = runtimeDirectory;
    }

    /// <summary>The daemon's runtime directory (short: the socket path must fit in 108 bytes).</summary>
    public string RuntimeDirectory { get; }

    public string Server => $"unix:{RuntimeDirectory}/pulse/native";

    public string SineSource { get; private set; } = "orpheus_sine";

    /// <summary>What a client needs in its environment to reach this daemon (and only this one).</summary>
    public IDictionary<string, string?> ClientEnvironment => new Dictionary<string, string?>
    {
        ["XDG_RUNTIME_DIR"] = RuntimeDirectory,
        ["PULSE_SERVER"] = Server,
        ["PULSE_SOURCE"] = null,
        ["PULSE_SINK"] = null,
    };

    public static async Task<PrivatePulseAudio> StartOrSkipAsync()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Skip("The PulseAudio fault tests run on Linux only.");
        }

        var root = Shell.RepoRoot();
        if (root is null)
        {
            Assert.Skip("scripts/ci-audio.sh is not found above the test folder, so no private PulseAudio daemon can be started.");
        }

        if (Shell.Which("pulseaudio") is null || Shell.Which("pactl") is null)
        {
            Assert.Skip("pulseaudio is not installed (apt-get install pulseaudio pulseaudio-utils); skipping the daemon-restart test.");
        }

        var runtime = Path.Combine("/tmp", $"orph-pa-{Guid.NewGuid():N}"[..20]);
        var pulse = new PrivatePulseAudio(Path.Combine(root, "scripts", "ci-audio.sh"), runtime);
        var (code, output) = await pulse.RunScriptAsync();
        if (code != 0)
        {
            await pulse.DisposeAsync();
            Assert.Skip($"scripts/ci-audio.sh could not start a private PulseAudio daemon here ({code}): {output.Trim()}");
        }

        pulse.SineSource = ExportedValue(output, "ORPHEUS_PULSE_SINE_SOURCE") ?? pulse.SineSource;
        return pulse;
    }

    /// <summary>The daemon's process id (from its pid file), or null when none runs.</summary>
    public int? DaemonPid()
    {
        try
        {
            return int.TryParse(File.ReadAllText(Path.Combine(RuntimeDirectory, "pulse", "pid")).Trim(), out var pid) ? pid : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>
    /// Stops the daemon with <paramref name="signal"/> (KILL: a crash; TERM: a clean stop, like <c>pulseaudio --kill</c>)
    /// and waits until it is gone.
    /// </summary>
    public async Task StopAsync(string signal)
    {
        var pid = DaemonPid();
        pid.ShouldNotBeNull("the private PulseAudio daemon has no pid file");
        IsOurDaemon(pid.Value).ShouldBeTrue($"pid {pid} is not this test's PulseAudio daemon");
        await Shell.SignalAsync(pid.Value, signal);
        (await Shell.PollAsync(() => Shell.IsDead(pid.Value), TimeSpan.FromSeconds(30))).ShouldBeTrue($"PulseAudio {pid} did not stop");
    }

    /// <summary>Plugs in another sine source (a USB microphone stand-in); returns its module index for <see cref="UnloadModuleAsync"/>.</summary>
    public Task<string> LoadSineSourceAsync(string name, int frequency) =>
        LoadModuleAsync("module-sine-source", $"source_name={name}", "rate=16000", $"frequency={frequency}");

    /// <summary>Loads <paramref name="module"/> with <paramref name="arguments"/> (<c>pactl load-module</c>); returns its index.</summary>
    public async Task<string> LoadModuleAsync(string module, params string[] arguments)
    {
        var (code, output) = await PactlAsync(["load-module", module, .. arguments]);
        code.ShouldBe(0, $"pactl load-module {module} {string.Join(' ', arguments)}: {output}");
        var index = output.Trim();
        int.TryParse(index, out _).ShouldBeTrue($"pactl load-module answered '{index}'");
        return index;
    }

    /// <summary>Unloads a module (for a source: the unplug).</summary>
    public async Task UnloadModuleAsync(string index)
    {
        var (code, output) = await PactlAsync("unload-module", index);
        code.ShouldBe(0, output);
    }

    private Task<(int Code, string Output)> PactlAsync(params string[] arguments) =>
        Shell.RunAsync("pactl", arguments, ClientEnvironment, TimeSpan.FromSeconds(30));

    /// <summary>Starts the daemon again with the same devices (the script removes the stale pid file and socket).</summary>
    public async Task RestartAsync()
    {
        var (code, output) = await RunScriptAsync();
        code.ShouldBe(0, $"restarting the private PulseAudio daemon: {output}");
    }

    public async ValueTask DisposeAsync()
    {
        if (DaemonPid() is { } pid && !Shell.IsDead(pid) && IsOurDaemon(pid))
        {
            try
            {
                await Shell.SignalAsync(pid, "TERM");
                if (!await Shell.PollAsync(() => Shell.IsDead(pid), TimeSpan.FromSeconds(10)))
                {
                    await Shell.SignalAsync(pid, "KILL");
                }
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Best effort: it may have exited meanwhile.
            }
        }

        try
        {
            Directory.Delete(RuntimeDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private bool IsOurDaemon(int pid)
    {
        try
        {
            // Only ever signal the pulseaudio process that serves this runtime directory.
            var commandLine = File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
            return commandLine.Contains("pulseaudio", StringComparison.Ordinal) && commandLine.Contains(RuntimeDirectory, StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
    }

    private Task<(int Code, string Output)> RunScriptAsync() =>
        Shell.RunAsync("bash", [_script, "--env"], new Dictionary<string, string?>
        {
            ["ORPHEUS_PULSE_RUNTIME_DIR"] = RuntimeDirectory,
            ["XDG_RUNTIME_DIR"] = null,
            ["PULSE_SERVER"] = null,
        }, TimeSpan.FromSeconds(120));

    private static string? ExportedValue(string output, string name)
    {
        var match = ExportLine().Matches(output).FirstOrDefault(m => m.Groups[1].Value == name);
        return match?.Groups[2].Value.Trim('\'', '"');
    }

    [GeneratedRegex(@"^export (\w+)=(.*)$", RegexOptions.Multiline)]
    private static partial Regex ExportLine();
}
