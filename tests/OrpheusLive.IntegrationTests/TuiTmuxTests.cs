using System.Diagnostics;
using System.Text.RegularExpressions;
using OrpheusLive.Mpris.Tests.Infrastructure;

namespace OrpheusLive.IntegrationTests;

/// <summary>
/// The dashboard (<c>orpheus run</c>) in a real terminal: tmux on a private server socket, a detached 110×34 session,
/// the demo input and the console player. Polls the screen (no timing assertions), opens and leaves the mapping
/// editor, resizes to 80×24, quits with q and checks the exit code and that the terminal is restored (normal screen,
/// cursor shown); media keys (playerctl on a private session bus) control the running dashboard.
/// </summary>
public sealed partial class TuiTmuxTests(PrivateSessionBus bus) : IClassFixture<PrivateSessionBus>
{
    private static readonly TimeSpan DashboardTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_dashboard_shows_emotions_mood_and_music_opens_the_editor_resizes_and_quits_with_the_terminal_restored(bool noColor)
    {
        SkipUnlessRunnable();
        using var dir = new TempDirectory();
        var exitFile = dir.File("exit.txt");
        await using var tmux = await Tmux.StartAsync(
            $"cd {Quote(OrpheusProcess.AppDirectory)} && ORPHEUS_CONFIG_DIR={Quote(dir.Path)}{(noColor ? " NO_COLOR=1" : "")} " +
            $"{AppCommand()} run --input {Quote(OrpheusProcess.DemoWav)} --player console; " +
            $"echo EXIT=$? > {Quote(exitFile)}; sleep 120",
            width: 110, height: 34);

        var dashboard = await tmux.WaitForAsync(IsDashboardWithMood, DashboardTimeout, "the emotion bars and a mood");
        dashboard.ShouldContain("m  Mapping");
        dashboard.ShouldContain("Latency  p50 ");
        dashboard.ShouldMatch(@"Playing  ▶ \S+", "what plays, once a mood was decided");
        dashboard.ShouldContain("Waiting  ");
        (await tmux.DisplayAsync("#{alternate_on}")).ShouldBe("1", "the dashboard draws on the alternate screen");
        if (noColor)
        {
            (await tmux.CaptureAsync(escapes: true)).ShouldNotMatch(@"\u001b\[[0-9;]*(?<!\d)(3[0-8]|4[0-8]|9[0-7]|10[0-7])(;|m)",
                "without colour no foreground or background colour is drawn (bold, reverse and the terminal's own colours only)");
        }

        await tmux.SendKeysAsync("m");
        var editor = await tmux.WaitForAsync(s => s.Contains("Mapping editor", StringComparison.Ordinal) && s.Contains("Esc  Leave", StringComparison.Ordinal),
            StepTimeout, "the mapping editor");
        editor.ShouldContain("Emotion → mood");

        // Nothing was changed: Esc leaves at once.
        await tmux.SendKeysAsync("Escape");
        await tmux.WaitForAsync(s => s.Contains("q  Quit", StringComparison.Ordinal) && !s.Contains("Mapping editor", StringComparison.Ordinal),
            StepTimeout, "the dashboard again");

        // A smaller terminal: the dashboard lays itself out again at 80×24, every panel and the status bar still there.
        await tmux.ResizeAsync(80, 24);
        var small = await tmux.WaitForAsync(
            s => s.Split('\n').Any(l => l.StartsWith("╰", StringComparison.Ordinal) && l.TrimEnd().Length == 80) && s.Contains("q  Quit", StringComparison.Ordinal),
            StepTimeout, "the dashboard redrawn at 80 columns");
        small.ShouldContain("Emotion");
        small.ShouldContain("Music");
        small.ShouldContain("Timeline");
        small.Split('\n').ShouldAllBe(l => l.TrimEnd().Length <= 80);

        await tmux.SendKeysAsync("q");
        var exit = await WaitForFileAsync(exitFile, StepTimeout);
        exit.Trim().ShouldBe("EXIT=0");

        // The terminal is restored: the alternate screen was left (the shell's screen is back, without the
        // dashboard's frame) and the cursor is shown again.
        var after = await tmux.CaptureAsync();
        after.ShouldNotContain("q  Quit");
        (await tmux.DisplayAsync("#{alternate_on}")).ShouldBe("0");
        (await tmux.DisplayAsync("#{cursor_flag}")).ShouldBe("1");
    }

    [Fact]
    public async Task Media_keys_pause_and_resume_the_music_of_the_running_dashboard()
    {
        SkipUnlessRunnable();
        bus.SkipIfUnavailable();
        Tools.SkipUnlessInstalled("playerctl", "playerctl");
        using var dir = new TempDirectory();
        await using var tmux = await Tmux.StartAsync(
            $"cd {Quote(OrpheusProcess.AppDirectory)} && ORPHEUS_CONFIG_DIR={Quote(dir.Path)} DBUS_SESSION_BUS_ADDRESS={Quote(bus.Address)} " +
            $"{AppCommand()} run --input {Quote(OrpheusProcess.DemoWav)} --player console; sleep 120",
            width: 110, height: 34);

        var playing = await tmux.WaitForAsync(s => s.Contains("Playing  ▶ ", StringComparison.Ordinal), DashboardTimeout, "music after the first decision");
        await Tools.WaitForPlayerctlAsync(bus.Address, "status", s => s == "Playing", DashboardTimeout, "Playing");
        var title = await Tools.PlayerctlAsync(bus.Address, "metadata", "title");
        playing.ShouldContain($"Playing  ▶ {title[..Math.Min(title.Length, 20)]}");

        await Tools.PlayerctlAsync(bus.Address, "pause");
        await Tools.WaitForPlayerctlAsync(bus.Address, "status", s => s == "Paused", StepTimeout, "Paused");
        await tmux.WaitForAsync(s => s.Contains("Playing  ‖ ", StringComparison.Ordinal), StepTimeout, "the dashboard showing the music paused");

        await Tools.PlayerctlAsync(bus.Address, "play-pause");
        await Tools.WaitForPlayerctlAsync(bus.Address, "status", s => s == "Playing", DashboardTimeout, "Playing");
        await tmux.WaitForAsync(s => s.Contains("Playing  ▶ ", StringComparison.Ordinal), StepTimeout, "the dashboard showing the music playing again");
        await tmux.SendKeysAsync("q");
    }

    [Fact]
    public async Task Without_a_session_bus_the_dashboard_shows_the_media_key_warning_with_its_id()
    {
        SkipUnlessRunnable();
        Assert.SkipUnless(OperatingSystem.IsLinux(), "MPRIS is Linux only.");
        using var dir = new TempDirectory();
        var exitFile = dir.File("exit.txt");
        await using var tmux = await Tmux.StartAsync(
            $"cd {Quote(OrpheusProcess.AppDirectory)} && ORPHEUS_CONFIG_DIR={Quote(dir.Path)} env -u DBUS_SESSION_BUS_ADDRESS " +
            $"{AppCommand()} run --input {Quote(OrpheusProcess.DemoWav)} --player console; " +
            $"echo EXIT=$? > {Quote(exitFile)}; sleep 120",
            width: 110, height: 34);

        var screen = await tmux.WaitForAsync(s => s.Contains("mediakeys.unavailable", StringComparison.Ordinal), DashboardTimeout,
            "the media-key warning among the dashboard's warnings");
        screen.ShouldContain("No D-Bus session bus");
        screen.ShouldContain("q  Quit");

        await tmux.SendKeysAsync("q");
        (await WaitForFileAsync(exitFile, StepTimeout)).Trim().ShouldBe("EXIT=0", "everything else works");
    }

    [Fact]
    public async Task Without_a_usable_microphone_the_dashboard_plays_the_demo_input_and_says_so()
    {
        SkipUnlessRunnable();
        using var dir = new TempDirectory();
        var exitFile = dir.File("exit.txt");

        // A source that cannot exist fails with or without a PulseAudio server, like a machine without a microphone.
        await using var tmux = await Tmux.StartAsync(
            $"cd {Quote(OrpheusProcess.AppDirectory)} && ORPHEUS_CONFIG_DIR={Quote(dir.Path)} " +
            $"{AppCommand()} run --device orpheus-test-no-such-source --player console; " +
            $"echo EXIT=$? > {Quote(exitFile)}; sleep 120",
            width: 80, height: 24);

        var screen = await tmux.WaitForAsync(
            s => s.Contains("No microphone — playing the demo input", StringComparison.Ordinal) && s.Contains("Listening — demo.wav", StringComparison.Ordinal),
            DashboardTimeout, "the demo input with the no-microphone warning");
        screen.ShouldContain("q  Quit");
        screen.ShouldContain("microphone.missing");

        await tmux.SendKeysAsync("q");
        (await WaitForFileAsync(exitFile, StepTimeout)).Trim().ShouldBe("EXIT=0");
    }

    [Fact]
    public async Task C_on_the_dashboard_records_lines_from_the_microphone_saves_the_profile_and_resumes_listening()
    {
        SkipUnlessRunnable();
        await using var pulse = await Faults.PrivatePulseAudio.StartOrSkipAsync();
        using var dir = new TempDirectory();
        var exitFile = dir.File("exit.txt");
        var environment = string.Join(' ', pulse.ClientEnvironment.Where(e => e.Value is not null).Select(e => $"{e.Key}={Quote(e.Value!)}"));
        await using var tmux = await Tmux.StartAsync(
            $"cd {Quote(OrpheusProcess.AppDirectory)} && unset PULSE_SOURCE PULSE_SINK; ORPHEUS_CONFIG_DIR={Quote(dir.Path)} {environment} " +
            $"{AppCommand()} run --input {Quote(OrpheusProcess.DemoWav)} --player console; " +
            $"echo EXIT=$? > {Quote(exitFile)}; sleep 120",
            width: 110, height: 34);
        await tmux.WaitForAsync(s => s.Contains("Listening — demo.wav", StringComparison.Ordinal) && s.Contains("c  Calibrate", StringComparison.Ordinal),
            DashboardTimeout, "the dashboard with [c] in its status bar");

        await tmux.SendKeysAsync("c");
        var prompt = await tmux.WaitForAsync(s => LineOf().IsMatch(s) && s.Contains("Line 1 of", StringComparison.Ordinal), DashboardTimeout, "the first prompt");
        prompt.ShouldContain("Say this calmly (neutral):");
        prompt.ShouldContain("Listening is paused");

        // Two lines from the private daemon's default source (a sine), 6 s of audio each; the rest skipped.
        await tmux.SendKeysAsync("Space");
        await tmux.WaitForAsync(s => s.Contains("Recording… ", StringComparison.Ordinal) || s.Contains("Line 2 of", StringComparison.Ordinal), StepTimeout, "the recording");
        await tmux.WaitForAsync(s => s.Contains("Line 2 of", StringComparison.Ordinal), StepTimeout, "the second prompt");
        await tmux.SendKeysAsync("Enter");
        var third = await tmux.WaitForAsync(s => s.Contains("Line 3 of", StringComparison.Ordinal), StepTimeout, "the third prompt");
        var lines = int.Parse(LineOf().Match(third).Groups["count"].Value, System.Globalization.CultureInfo.InvariantCulture);
        for (var line = 3; line <= lines; line++)
        {
            await tmux.SendKeysAsync("s");
            var next = line;
            await tmux.WaitForAsync(s => s.Contains(next == lines ? "All lines done" : $"Line {next + 1} of", StringComparison.Ordinal), StepTimeout, $"line {line} skipped");
        }

        var table = await tmux.WaitForAsync(s => s.Contains("mean", StringComparison.Ordinal), StepTimeout, "the before/after table");
        table.ShouldMatch(@"line 1\s+neutral\s+\d+ % →\s+\d+ %");
        table.ShouldMatch(@"line 2\s+happy\s+\d+ % →\s+\d+ %");
        await tmux.SendKeysAsync("Enter");
        await tmux.WaitForAsync(s => s.Contains("Saved profile 'default'", StringComparison.Ordinal), StepTimeout, "the save");
        var profile = Path.Combine(dir.Path, "profiles", "default.json");
        using (var saved = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(profile, TestContext.Current.CancellationToken)))
        {
            saved.RootElement.GetProperty("enrolled_clips").GetInt32().ShouldBe(2);
        }

        await tmux.SendKeysAsync("Escape");
        // The notice shows at once; the resumed state at the dashboard's next redraw (at most 4 a second).
        await tmux.WaitForAsync(s => s.Contains("Calibration profile saved", StringComparison.Ordinal) && s.Contains("Listening — demo.wav", StringComparison.Ordinal),
            StepTimeout, "the dashboard again, listening resumed");
        await tmux.SendKeysAsync("q");
        (await WaitForFileAsync(exitFile, StepTimeout)).Trim().ShouldBe("EXIT=0");
        using var after = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(profile, TestContext.Current.CancellationToken));
        after.RootElement.GetProperty("enrolled_clips").GetInt32().ShouldBe(2, "the run's final save keeps the enrolment");
    }

    [Fact]
    public async Task Without_a_terminal_the_mapping_editor_explains_what_to_use_instead()
    {
        using var config = new TempDirectory();

        var (code, stdout, stderr) = await OrpheusProcess.RunAsync(["map"], config.Path, TimeSpan.FromMinutes(1));

        code.ShouldBe(2, stderr);
        stderr.ShouldContain("needs an interactive terminal");
        stderr.ShouldContain("moods.json");
        stdout.ShouldNotContain("\u001b[");
    }

    [Fact]
    public async Task Without_a_terminal_run_prints_the_pipeline_as_text()
    {
        using var config = new TempDirectory();

        var (code, stdout, stderr) = await OrpheusProcess.RunAsync(
            ["run", "--input", OrpheusProcess.DemoWav, "--fast", "--player", "console"], config.Path, TimeSpan.FromMinutes(2));

        code.ShouldBe(0, stderr);
        stderr.ShouldContain("no interactive terminal");
        stdout.ShouldNotContain("\u001b[");
        stdout.ShouldContain("(no speech)");
        stdout.ShouldContain("♪"); // at least one music change, as text
    }

    private static bool IsDashboardWithMood(string screen)
    {
        var mood = MoodLine().Match(screen);
        return screen.Contains("Emotion", StringComparison.Ordinal)
            && TopEmotionBar().IsMatch(screen)
            && mood.Success && mood.Groups["mood"].Value != "—";
    }

    private static void SkipUnlessRunnable()
    {
        if (!Tmux.IsInstalled())
        {
            Assert.Skip("tmux is not installed (apt-get install tmux); the dashboard needs a real terminal to test.");
        }

        if (!File.Exists(OrpheusProcess.Model))
        {
            Assert.Skip($"The emotion model {OrpheusProcess.Model} has not been built yet (training/export.py); the dashboard cannot run without it.");
        }

        if (!File.Exists(OrpheusProcess.DemoWav))
        {
            Assert.Skip($"The demo input {OrpheusProcess.DemoWav} has not been generated yet (samples/make-samples.sh).");
        }
    }

    private static string AppCommand()
    {
        var apphost = Path.Combine(OrpheusProcess.AppDirectory, OperatingSystem.IsWindows() ? "orpheus.exe" : "orpheus");
        return File.Exists(apphost) ? Quote(apphost) : $"dotnet {Quote(Path.Combine(OrpheusProcess.AppDirectory, "orpheus.dll"))}";
    }

    private static async Task<string> WaitForFileAsync(string path, TimeSpan timeout)
    {
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < timeout)
        {
            if (File.Exists(path) && await File.ReadAllTextAsync(path) is { Length: > 0 } text)
            {
                return text;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"orpheus did not exit within {timeout.TotalSeconds:F0} s after q ({path} was not written).");
    }

    private static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    [GeneratedRegex(@"Line \d+ of (?<count>\d+)")]
    private static partial Regex LineOf();

    [GeneratedRegex(@"Mood\s{2,}(?<mood>\S+)")]
    private static partial Regex MoodLine();

    [GeneratedRegex(@"▶\w+\s+[█▉▊▋▌▍▎▏░]+\s+\d+ %")]
    private static partial Regex TopEmotionBar();

    /// <summary>A detached tmux session on a private server, so the tests never touch the user's tmux.</summary>
    private sealed class Tmux : IAsyncDisposable
    {
        private readonly string _socket = $"orpheus-test-{Guid.NewGuid():N}";
        private const string Session = "orpheus";

        public static bool IsInstalled()
        {
            try
            {
                using var process = Process.Start(new ProcessStartInfo("tmux", "-V") { RedirectStandardOutput = true, RedirectStandardError = true });
                process!.WaitForExit(5000);
                return process.ExitCode == 0;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return false;
            }
        }

        public static async Task<Tmux> StartAsync(string shellCommand, int width, int height)
        {
            var tmux = new Tmux();
            await tmux.RunAsync("new-session", "-d", "-s", Session, "-x", width.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "-y", height.ToString(System.Globalization.CultureInfo.InvariantCulture), shellCommand);
            return tmux;
        }

        public Task<string> CaptureAsync(bool escapes = false) =>
            escapes ? RunAsync("capture-pane", "-p", "-e", "-t", Session) : RunAsync("capture-pane", "-p", "-t", Session);

        public Task SendKeysAsync(string key) => RunAsync("send-keys", "-t", Session, key);

        /// <summary>Resizes the window, as a user dragging the terminal does (the app gets SIGWINCH).</summary>
        public Task ResizeAsync(int width, int height) => RunAsync("resize-window", "-t", Session,
            "-x", width.ToString(System.Globalization.CultureInfo.InvariantCulture), "-y", height.ToString(System.Globalization.CultureInfo.InvariantCulture));

        /// <summary>A pane variable (<c>#{alternate_on}</c>, <c>#{cursor_flag}</c>) as tmux sees the terminal now.</summary>
        public async Task<string> DisplayAsync(string format) => (await RunAsync("display-message", "-p", "-t", Session, format)).Trim();

        /// <summary>Polls the screen until <paramref name="done"/> holds; fails with the last screen after <paramref name="timeout"/>.</summary>
        public async Task<string> WaitForAsync(Func<string, bool> done, TimeSpan timeout, string what)
        {
            var stopwatch = Stopwatch.StartNew();
            var screen = "";
            while (stopwatch.Elapsed < timeout)
            {
                screen = await CaptureAsync();
                if (done(screen))
                {
                    return screen;
                }

                await Task.Delay(250);
            }

            throw new TimeoutException($"Waited {timeout.TotalSeconds:F0} s for {what}; the screen was:\n{screen}");
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                await RunAsync("kill-server");
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
        }

        private async Task<string> RunAsync(params string[] args)
        {
            var psi = new ProcessStartInfo("tmux") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            psi.ArgumentList.Add("-L");
            psi.ArgumentList.Add(_socket);
            foreach (var arg in args)
            {
                psi.ArgumentList.Add(arg);
            }

            psi.Environment.Remove("TMUX"); // when the tests themselves run inside tmux
            using var process = Process.Start(psi)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"tmux {string.Join(' ', args)} failed: {await stderr}");
            }

            return await stdout;
        }
    }
}
