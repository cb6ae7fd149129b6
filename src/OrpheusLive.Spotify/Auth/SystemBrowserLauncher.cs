using System.Diagnostics;

namespace OrpheusLive.Spotify.Auth;

/// <summary>Opens URLs with the platform's opener: <c>xdg-open</c>, <c>open</c> or the Windows shell.</summary>
public sealed class SystemBrowserLauncher : IBrowserLauncher
{
    /// <inheritdoc />
    public bool TryOpen(Uri url)
    {
        try
        {
            if (OperatingSystem.IsWindows())
            {
                // The shell opens the default browser; `cmd /c start` would split the URL at '&'.
                using var shell = Process.Start(new ProcessStartInfo(url.AbsoluteUri) { UseShellExecute = true });
                return shell is not null;
            }

            if (OperatingSystem.IsLinux() && !HasGraphicalSession())
            {
                // Headless (SSH, CI): the printed URL is the way; xdg-open would only start a text browser or fail noisily.
                return false;
            }

            var opener = OperatingSystem.IsMacOS() ? "open" : "xdg-open";
            var start = new ProcessStartInfo(opener)
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.ArgumentList.Add(url.AbsoluteUri);
            using var process = Process.Start(start);
            return process is not null;
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException or PlatformNotSupportedException)
        {
            // No opener installed: the URL is printed anyway.
            return false;
        }
    }

    private static bool HasGraphicalSession() =>
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DISPLAY")) ||
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("WAYLAND_DISPLAY"));
}
