using System.Text.Json;

namespace OrpheusLive.IntegrationTests.Faults;

/// <summary>
/// The microphone going away, against a private PulseAudio daemon: the daemon dies (or is stopped) mid-run and comes
/// back; the recorded source is unplugged while the daemon stays up; and no PulseAudio server at all. Each runs the real
/// <c>orpheus listen --json</c> and reads its stdout line by line with generous deadlines (no timing assertions).
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class MicrophoneFaultTests
{
    // Pulse sources deliver in bursts of up to ~2 s and the machine may be busy: deadlines are generous, never timings.
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("KILL")] // the daemon crashes
    [InlineData("TERM")] // the daemon is stopped cleanly (pulseaudio --kill, a desktop session restarting it)
    public async Task A_daemon_stopped_mid_run_reports_the_lost_microphone_keeps_windows_going_and_recovers_after_a_restart(string signal)
    {
        await using var pulse = await PrivatePulseAudio.StartOrSkipAsync();
        using var config = new TempDirectory();
        await using var app = OrpheusChild.Start(
            ["listen", "--device", pulse.SineSource, "--json", "--player", "console"], config.Path, pulse.ClientEnvironment);

        // Hearing the sine: a few windows with a real level.
        var heard = 0;
        for (var i = 0; i < 3; i++)
        {
            heard = await app.WaitForLineAsync(l => IsWindow(l, out var w) && Level(w) > -60, heard + (i == 0 ? 0 : 1), StepTimeout,
                "window line with the sine's level");
        }

        await pulse.StopAsync(signal);
        var lost = await app.WaitForLineAsync(l => IsStatus(l, "warning", "Microphone lost"), heard, StepTimeout,
            $"\"Microphone lost\" warning after SIG{signal} to the daemon");
        Status(app.StdoutLines[lost]).GetProperty("message").GetString()!.ShouldContain("Retrying");

        // The pipeline keeps running on silence: windows continue, without speech and at the silence level.
        var silent = await app.WaitForLineAsync(l => IsWindow(l, out var w) && Level(w) < -90, lost + 1, StepTimeout,
            "silent window while the microphone is away");
        await app.WaitForLineAsync(IsWindowLine, silent + 1, StepTimeout, "another window while the microphone is away");

        await pulse.RestartAsync();
        var back = await app.WaitForLineAsync(l => IsStatus(l, "info", "Microphone is back"), silent + 1, StepTimeout,
            "\"Microphone is back\" after the daemon was restarted");
        await app.WaitForLineAsync(l => IsWindow(l, out var w) && Level(w) > -60, back + 1, StepTimeout,
            "window line with the sine's level after the recovery");

        await app.SignalAsync("TERM");
        (await app.WaitForExitAsync(TimeSpan.FromSeconds(30))).ShouldBe(0, app.Describe());

        var lines = app.StdoutLines;
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{lines.Count} lines; lost at line {lost}: {lines[lost]}; back at line {back}: {lines[back]}");
        var windows = lines.Where(IsWindowLine).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var between = lines.Skip(lost + 1).Take(back - lost - 1).Where(IsWindowLine).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        between.ShouldNotBeEmpty();
        between.ShouldAllBe(w => !w.GetProperty("speech").GetBoolean(), "silence never counts as speech");
        between.ShouldAllBe(w => w.GetProperty("emotion").ValueKind == JsonValueKind.Null);

        // Nothing lost: audio time advances one hop per window, through the loss and the recovery.
        AssertOneHopApart(windows);

        lines.Count(l => IsStatus(l, "warning", "Microphone lost")).ShouldBe(1, "one loss, reported once (retries are not re-reported)");
        lines.Count(l => IsStatus(l, "info", "Microphone is back")).ShouldBe(1);
        lines.ShouldNotContain(l => IsStatus(l, "error", ""), app.Describe());
        lines.ShouldAllBe(l => IsJsonObject(l), "stdout carries only JSON lines");
        app.StdErr.ShouldNotContain("unexpected error");
    }

    [Fact]
    public async Task An_unplugged_microphone_is_replaced_by_the_fallback_source_and_listening_goes_on()
    {
        await using var pulse = await PrivatePulseAudio.StartOrSkipAsync();
        using var config = new TempDirectory();
        // A second sine source stands in for a USB microphone; unloading its module is the unplug. As documented
        // (src/OrpheusLive.Audio/README.md), PulseAudio moves the recording to the fallback source (here the default
        // orpheus_sine) instead of failing it, so the app must simply keep listening.
        var module = await pulse.LoadSineSourceAsync("orpheus_usb_mic", 300);
        await using var app = OrpheusChild.Start(
            ["listen", "--device", "orpheus_usb_mic", "--json", "--player", "console"], config.Path, pulse.ClientEnvironment);
        var heard = await app.WaitForLineAsync(l => IsWindow(l, out var w) && Level(w) > -60, 0, StepTimeout, "window line with the microphone's level");

        await pulse.UnloadModuleAsync(module);
        var unplugged = app.StdoutLines.Count;
        var after = unplugged;
        // More windows than the capture queue can hold from before the unplug (5 s): the fallback source really delivers.
        for (var i = 0; i < 8; i++)
        {
            after = await app.WaitForLineAsync(l => IsWindow(l, out var w) && Level(w) > -60, after, StepTimeout,
                $"window {i + 1} of 8 with audio after the unplug") + 1;
        }

        await app.SignalAsync("TERM");
        (await app.WaitForExitAsync(TimeSpan.FromSeconds(30))).ShouldBe(0, app.Describe());
        var lines = app.StdoutLines;
        TestContext.Current.TestOutputHelper?.WriteLine($"{lines.Count} lines; first audio at line {heard}, unplugged at line {unplugged}");
        lines.ShouldNotContain(l => IsStatus(l, "error", ""), app.Describe());
        AssertOneHopApart(lines.Where(IsWindowLine).Select(l => JsonDocument.Parse(l).RootElement).ToList());
        app.StdErr.ShouldNotContain("unexpected error");
    }

    [Fact]
    public async Task Without_any_PulseAudio_server_listen_fails_with_one_clear_line_and_no_audio_output()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Skip("The microphone is PulseAudio on Linux only.");
        }

        using var dir = new TempDirectory();
        var runtime = Directory.CreateDirectory(dir.File("runtime")).FullName; // empty: no daemon, no socket
        var (code, stdout, stderr) = await OrpheusProcess.RunAsync(
            ["listen", "--json", "--player", "console"], dir.Path, TimeSpan.FromMinutes(2),
            new Dictionary<string, string>
            {
                ["PULSE_SERVER"] = $"unix:{dir.File("no-such-pulse-socket")}",
                ["XDG_RUNTIME_DIR"] = runtime,
            });

        code.ShouldBe(1, stdout + stderr);

        // stderr: exactly one line that is not a log line ("[hh:mm:ss LVL] ..."): the error, naming PulseAudio and the fix.
        var errors = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => !IsLogLine(l)).ToList();
        errors.Count.ShouldBe(1, stderr);
        var error = errors[0];
        error.ShouldStartWith("orpheus listen: ");
        error.ShouldContain("No PulseAudio server is running");
        error.ShouldContain("PULSE_SERVER", Case.Sensitive, "it says what to check");
        error.ShouldContain("pulseaudio --start", Case.Sensitive, "it says what to do");
        stderr.ShouldNotContain("   at ", Case.Sensitive, "no stack trace");
        stderr.ShouldNotContain(" ERR]", Case.Sensitive, "the error is printed once, not logged again");

        // stdout: no window or decision (no audio was ever processed). With --json the failure is also one status line
        // of level "error" carrying the same message, so a script reading the JSON stream learns why it ended.
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.ShouldAllBe(l => IsStatus(l, "error", "No PulseAudio server is running"), stdout);
        lines.Length.ShouldBeLessThanOrEqualTo(1, stdout);
    }

    /// <summary>Nothing lost: audio time advances exactly one hop (1 s) per window, through losses and recoveries.</summary>
    private static void AssertOneHopApart(List<JsonElement> windows)
    {
        var times = windows.Select(w => w.GetProperty("t").GetDouble()).ToList();
        for (var i = 1; i < times.Count; i++)
        {
            times[i].ShouldBe(times[i - 1] + 1, 1e-6, $"window {i} of {times.Count}: audio time must advance one hop per window");
        }
    }

    private static bool IsLogLine(string line) =>
        System.Text.RegularExpressions.Regex.IsMatch(line, @"^\[\d\d:\d\d:\d\d (VRB|DBG|INF|WRN|ERR|FTL)\] ");

    private static bool IsJsonObject(string line)
    {
        try
        {
            return JsonDocument.Parse(line).RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool IsWindowLine(string line) => IsWindow(line, out _);

    private static bool IsWindow(string line, out JsonElement window)
    {
        window = default;
        if (!line.Contains("\"type\":\"window\"", StringComparison.Ordinal))
        {
            return false;
        }

        window = JsonDocument.Parse(line).RootElement;
        return true;
    }

    private static double Level(JsonElement window) => window.GetProperty("level_dbfs").GetDouble();

    private static JsonElement Status(string line) => JsonDocument.Parse(line).RootElement;

    private static bool IsStatus(string line, string level, string messageContains)
    {
        if (!line.Contains("\"type\":\"status\"", StringComparison.Ordinal))
        {
            return false;
        }

        var status = JsonDocument.Parse(line).RootElement;
        return status.GetProperty("level").GetString() == level
            && status.GetProperty("message").GetString()!.Contains(messageContains, StringComparison.Ordinal);
    }
}
