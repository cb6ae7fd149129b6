using System.Diagnostics;
using Microsoft.Extensions.Logging;
using OrpheusLive.Api.Tests.Support;
using OrpheusLive.Hosting;

namespace OrpheusLive.Api.Tests;

[CollectionDefinition(nameof(NativeErrorCaptureTests), DisableParallelization = true)]
public sealed class NativeErrorCaptureCollection;

/// <summary>
/// While the dashboard owns the terminal, lines written to the process's standard error below .NET (native libraries,
/// child processes) reach the log instead of the screen, and the terminal's standard error comes back afterwards.
/// Runs alone: it redirects the test process's file descriptor 2.
/// </summary>
[Collection(nameof(NativeErrorCaptureTests))]
public sealed class NativeErrorCaptureTests
{
    private const string StandardErrorLink = "/proc/self/fd/2";

    [Fact]
    public async Task A_line_written_to_file_descriptor_2_goes_to_the_log_and_the_terminal_gets_its_stderr_back()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "file descriptors under /proc are Linux's");
        var before = new FileInfo(StandardErrorLink).LinkTarget;
        using var logs = new ListLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs));

        string? during;
        using (var capture = NativeErrorCapture.Start(factory.CreateLogger("native")))
        {
            capture.ShouldNotBeNull();
            during = new FileInfo(StandardErrorLink).LinkTarget;

            // A child process inherits descriptor 2 as a native library in this process writes to it: below Console.Error.
            using var child = Process.Start(new ProcessStartInfo("sh", ["-c", "echo 'warning: The echo canceller started acting funny' >&2"]) { UseShellExecute = false })!;
            await child.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        during.ShouldNotBe(before, "descriptor 2 is the pipe to the log while the capture runs");
        new FileInfo(StandardErrorLink).LinkTarget.ShouldBe(before, "the terminal's stderr is back");
        logs.Lines.ShouldContain(l => l.StartsWith("Warning native:", StringComparison.Ordinal) && l.Contains("The echo canceller started acting funny", StringComparison.Ordinal));
    }
}
