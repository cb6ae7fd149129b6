using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace OrpheusLive.IntegrationTests.Faults;

/// <summary>Small helpers for running system tools (mount, kill, bash) from the fault tests.</summary>
internal static class Shell
{
    /// <summary>Runs <paramref name="program"/> and returns its exit code and combined output.</summary>
    public static async Task<(int Code, string Output)> RunAsync(
        string program, IEnumerable<string> arguments, IDictionary<string, string?>? environment = null, TimeSpan? timeout = null)
    {
        var psi = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var a in arguments)
        {
            psi.ArgumentList.Add(a);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                psi.Environment.Remove(key);
            }
            else
            {
                psi.Environment[key] = value;
            }
        }

        var (code, stdout, stderr) = await ChildProcess.RunAsync(
            psi, timeout ?? TimeSpan.FromSeconds(60), $"{program} {string.Join(' ', psi.ArgumentList)}");
        return (code, stdout + stderr);
    }

    /// <summary>Sends a signal (TERM, KILL, ...) with /bin/kill: <see cref="Process.Kill()"/> can only send SIGKILL.</summary>
    public static async Task SignalAsync(int pid, string signal)
    {
        var kill = File.Exists("/bin/kill") ? "/bin/kill" : "kill";
        var (code, output) = await RunAsync(kill, ["-s", signal, pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        code.ShouldBe(0, $"kill -s {signal} {pid}: {output}");
    }

    /// <summary>True when <paramref name="pid"/> is gone or a zombie (a killed daemon whose parent never reaps it).</summary>
    public static bool IsDead(int pid)
    {
        try
        {
            var status = File.ReadAllText($"/proc/{pid}/status");
            return status.Split('\n').Any(l => l.StartsWith("State:", StringComparison.Ordinal) && l.Contains('Z', StringComparison.Ordinal));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return true;
        }
    }

    /// <summary>The absolute path of <paramref name="name"/> on PATH, or null.</summary>
    public static string? Which(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
        .Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);

    /// <summary>A loopback TCP port that was free a moment ago.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Polls <paramref name="condition"/> until it holds or <paramref name="timeout"/> passes.</summary>
    public static async Task<bool> PollAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (condition())
            {
                return true;
            }

            await Task.Delay(100);
        }

        return condition();
    }

    /// <summary>The repository root (the folder holding scripts/ci-audio.sh), or null when the tests run elsewhere.</summary>
    public static string? RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "scripts", "ci-audio.sh")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
