using System.Diagnostics;

namespace OrpheusLive.Mpris.Tests.Infrastructure;

/// <summary>
/// A D-Bus session bus of the test class alone (<c>dbus-daemon --session --fork</c>), killed by its process id at the
/// end. The daemon is registered in <c>$ORPHEUS_TEST_PID_DIR</c> (set by <c>./test</c>), so it is stopped even when the
/// test host dies before disposing this. Tests skip when <c>dbus-daemon</c> is not installed (scripts/setup.sh --test
/// installs it).
/// </summary>
public sealed class PrivateSessionBus : IAsyncLifetime
{
    private int _pid;
    private string? _pidFile;

    /// <summary>The bus address, as clients take it from <c>DBUS_SESSION_BUS_ADDRESS</c>.</summary>
    public string Address { get; private set; } = string.Empty;

    /// <summary>Why the bus could not start, or null when it runs.</summary>
    public string? SkipReason { get; private set; }

    public async ValueTask InitializeAsync()
    {
        if (!OperatingSystem.IsLinux())
        {
            SkipReason = "MPRIS is Linux only.";
            return;
        }

        if (Tools.Which("dbus-daemon") is null)
        {
            SkipReason = "dbus-daemon is not installed (scripts/setup.sh --test installs the Debian package dbus).";
            return;
        }

        var start = new ProcessStartInfo("dbus-daemon") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "--session", "--fork", "--nopidfile", "--print-address=1", "--print-pid=1" })
        {
            start.ArgumentList.Add(argument);
        }

        using var launcher = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var address = await launcher.StandardOutput.ReadLineAsync(timeout.Token);
        var pid = await launcher.StandardOutput.ReadLineAsync(timeout.Token);
        await launcher.WaitForExitAsync(timeout.Token);
        if (string.IsNullOrWhiteSpace(address) || !int.TryParse(pid, out _pid))
        {
            SkipReason = $"dbus-daemon did not start: {await launcher.StandardError.ReadToEndAsync(timeout.Token)}";
            return;
        }

        Address = address.Trim();
        if (Environment.GetEnvironmentVariable("ORPHEUS_TEST_PID_DIR") is { Length: > 0 } pidDirectory && Directory.Exists(pidDirectory))
        {
            _pidFile = Path.Combine(pidDirectory, $"dbus-daemon.{_pid}");
            await File.WriteAllTextAsync(_pidFile, string.Empty, timeout.Token);
        }
    }

    /// <summary>Skips the calling test when there is no private bus.</summary>
    public void SkipIfUnavailable() => Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);

    public async ValueTask DisposeAsync()
    {
        if (_pid > 0)
        {
            try
            {
                using var daemon = Process.GetProcessById(_pid);
                daemon.Kill();
                await daemon.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token);
            }
            catch (ArgumentException)
            {
                // Already gone.
            }
        }

        if (_pidFile is not null)
        {
            File.Delete(_pidFile);
        }
    }
}
