using System.Text.Json;

namespace OrpheusLive.IntegrationTests;

/// <summary>An hour of looped speech, silence and noise through the real pipeline, at accelerated speed.</summary>
public sealed class SoakTests
{
    [Fact]
    public async Task An_hour_of_audio_drops_no_window_and_does_not_grow()
    {
        using var dir = new TempDirectory();
        var (code, stdout, stderr) = await OrpheusProcess.RunAsync(
            ["soak", "--minutes", "60", "--json", "--Log:ConsoleLevel=Warning"], dir.Path, TimeSpan.FromMinutes(10));

        var report = JsonDocument.Parse(stdout).RootElement;
        code.ShouldBe(0, stdout + stderr);
        report.GetProperty("audio_minutes").GetInt32().ShouldBe(60);
        report.GetProperty("windows").GetInt64().ShouldBe(report.GetProperty("expected_windows").GetInt64());
        report.GetProperty("expected_windows").GetInt64().ShouldBe(3598); // (3600 s - 3 s window) / 1 s hop + 1
        report.GetProperty("dropped_windows").GetInt64().ShouldBe(0);
        report.GetProperty("errors").GetInt32().ShouldBe(0);
        report.GetProperty("unobserved_exceptions").GetInt32().ShouldBe(0);

        // "No growth beyond noise": a leak of even a few hundred bytes per window would exceed these over 3,598 windows.
        (report.GetProperty("managed_end_mb").GetDouble() - report.GetProperty("managed_start_mb").GetDouble()).ShouldBeLessThan(2.0);
        (report.GetProperty("rss_end_mb").GetDouble() - report.GetProperty("rss_start_mb").GetDouble()).ShouldBeLessThan(32.0);
        (report.GetProperty("handles_end").GetInt32() - report.GetProperty("handles_start").GetInt32()).ShouldBeLessThanOrEqualTo(2);
        (report.GetProperty("threads_end").GetInt32() - report.GetProperty("threads_start").GetInt32()).ShouldBeLessThanOrEqualTo(2);
    }
}
