using System.Diagnostics;
using OrpheusLive.IntegrationTests;

namespace OrpheusLive.Mpris.Tests.Infrastructure;

/// <summary>Runs the real D-Bus clients (<c>playerctl</c>, <c>dbus-send</c>) against a private bus, bounded in time.</summary>
public static class Tools
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    /// <summary>The full path of <paramref name="program"/> on PATH, or null.</summary>
    public static string? Which(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);

    public static ProcessStartInfo StartInfo(string busAddress, string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DBUS_SESSION_BUS_ADDRESS"] = busAddress;
        start.Environment.Remove("DISPLAY");
        return start;
    }

    /// <summary>Runs a client to its end; a client that hangs is killed and fails the test.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string busAddress, string program, params string[] arguments)
    {
        var (code, output, error) = await ChildProcess.RunAsync(StartInfo(busAddress, program, arguments), Timeout, $"{program} {string.Join(' ', arguments)}");
        return (code, output.Trim(), error.Trim());
    }

    /// <summary><c>playerctl -p orpheus …</c>; returns its output, failing the test when it exits non-zero.</summary>
    public static async Task<string> PlayerctlAsync(string busAddress, params string[] arguments)
    {
        var (code, output, error) = await RunAsync(busAddress, "playerctl", ["-p", "orpheus", .. arguments]);
        code.ShouldBe(0, $"playerctl {string.Join(' ', arguments)}: {error}");
        return output;
    }

    /// <summary>
    /// Polls <c>playerctl -p orpheus QUERY</c> until its answer satisfies <paramref name="done"/> and returns it; fails
    /// after <paramref name="timeout"/> with the last answer and <paramref name="context"/> (e.g. the app's output).
    /// </summary>
    public static async Task<string> WaitForPlayerctlAsync(string busAddress, string query, Func<string, bool> done, TimeSpan timeout, string what, Func<string>? context = null)
    {
        var stopwatch = Stopwatch.StartNew();
        var last = "";
        while (stopwatch.Elapsed < timeout)
        {
            var (_, output, error) = await RunAsync(busAddress, "playerctl", ["-p", "orpheus", .. query.Split(' ')]);
            if (done(output))
            {
                return output;
            }

            last = output.Length > 0 ? output : error;
            await Task.Delay(200);
        }

        Assert.Fail($"No {what} within {timeout.TotalSeconds:0} s (last playerctl {query}: '{last}').{context?.Invoke()}");
        return last;
    }

    public static void SkipUnlessInstalled(string program, string package) =>
        Assert.SkipWhen(Which(program) is null, $"{program} is not installed (scripts/setup.sh --test installs the Debian package {package}).");
}
