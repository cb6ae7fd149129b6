using System.Net.Sockets;
using System.Text.RegularExpressions;
using OrpheusLive.IntegrationTests.Faults;

namespace OrpheusLive.IntegrationTests;

/// <summary>
/// Issue #10's "every bad input gets one clear line", run as a new user would against the real app: each case prints
/// exactly one line on stderr naming the setting, argument or file and what is valid, exits 1 (bad input or
/// configuration) or 2 (bad command line), and never says "crashed" or shows a stack trace.
/// </summary>
public sealed partial class BadInputTests
{
    private const string Demo = "{demo}";

    /// <summary>The cases: arguments ({demo} = the bundled demo input), a user appsettings.json (or null), the exit code and what the line must contain.</summary>
    public static TheoryData<string, string[], string?, int, string[]> Cases => new()
    {
        { "an out-of-range threshold", ["listen", "--input", Demo, "--fast", "--Debounce:Threshold=7"], null, 1, ["Debounce:Threshold", "between 0 and 1", "7"] },
        { "a zero hop", ["listen", "--input", Demo, "--fast", "--Listen:HopSeconds=0"], null, 1, ["Listen:HopSeconds", "between 0.1 and 3"] },
        { "a negative dwell (space form)", ["listen", "--input", Demo, "--fast", "--Debounce:MinDwellSeconds", "-5"], null, 1, ["Debounce:MinDwellSeconds", "zero or more"] },
        { "a word for a number", ["listen", "--input", Demo, "--fast", "--Debounce:Threshold=abc"], null, 1, ["Debounce:Threshold", "a number", "'abc'"] },
        { "a word for a number in appsettings.json", ["listen", "--input", Demo, "--fast"], """{ "Debounce": { "Threshold": "high" } }""", 1, ["Debounce:Threshold", "a number", "'high'"] },
        { "an unknown execution provider", ["listen", "--input", Demo, "--fast", "--Model:ExecutionProvider=cuda"], null, 1, ["Model:ExecutionProvider", "'cuda'", "auto", "cpu", "directml"] },
        { "an unknown player", ["listen", "--input", Demo, "--fast", "--player", "vlc"], null, 2, ["--player", "'vlc'", "console", "local", "spotify", "auto"] },
        { "an unknown flag", ["listen", "--input", Demo, "--fast", "--bogus"], null, 2, ["orpheus listen", "unknown option --bogus"] },
        { "a mistyped flag", ["listen", "--input", Demo, "--fast", "--jsno"], null, 2, ["unknown option --jsno", "did you mean --json?"] },
        { "an unknown flag on the default command", ["--bogus"], null, 2, ["orpheus run", "unknown option --bogus"] },
        { "a mistyped command", ["lisen"], null, 2, ["unknown command 'lisen'", "did you mean listen?"] },
        { "a mistyped setting key", ["listen", "--input", Demo, "--fast", "--Debounce:Treshold=0.5"], null, 1, ["unknown setting Debounce:Treshold", "did you mean Debounce:Threshold?"] },
        { "a mistyped key in appsettings.json", ["listen", "--input", Demo, "--fast"], """{ "Listen": { "HopSecond": 1 } }""", 1, ["unknown setting Listen:HopSecond", "did you mean Listen:HopSeconds?"] },
        { "a broken appsettings.json", ["listen", "--input", Demo, "--fast"], "{\n  \"Debounce\": {\n    \"Threshold\": 0.5\n  }\n  \"Listen\": {}\n}\n", 1, ["appsettings.json line 5", "not valid JSON"] },
        { "a missing input file", ["listen", "--input", "{dir}/nope.wav", "--fast"], null, 2, ["input file not found", "nope.wav"] },
        { "too few bench windows", ["bench", "--windows", "20"], null, 2, ["--windows must be at least 200"] },
        { "eval without a manifest", ["eval"], null, 2, ["orpheus eval", "--manifest"] },
        { "an option without its value", ["listen", "--fast", "--input"], null, 2, ["orpheus listen", "--input"] },
        { "listening options on serve without --listen", ["serve", "--input", Demo], null, 2, ["orpheus serve", "go with --listen"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_bad_input_gets_one_line_naming_it_and_the_right_exit_code(string what, string[] args, string? userSettings, int exitCode, string[] mentions)
    {
        using var dir = new TempDirectory();
        if (userSettings is not null)
        {
            await File.WriteAllTextAsync(dir.File("appsettings.json"), userSettings, TestContext.Current.CancellationToken);
        }

        var (code, _, stderr) = await OrpheusProcess.RunAsync(
            args.Select(a => a.Replace(Demo, OrpheusProcess.DemoWav, StringComparison.Ordinal).Replace("{dir}", dir.Path, StringComparison.Ordinal)), dir.Path);

        AssertOneLine(stderr, what);
        code.ShouldBe(exitCode, $"{what}: {stderr}");
        foreach (var mention in mentions)
        {
            stderr.ShouldContain(mention, Case.Sensitive, what);
        }
    }

    [Fact]
    public async Task Eval_on_a_manifest_whose_clips_all_fail_exits_1_naming_the_clip_not_Audio_Input()
    {
        using var dir = new TempDirectory();
        var manifest = dir.File("m.csv");
        await File.WriteAllTextAsync(manifest, "path,label\nmissing.wav,happy\nalso-missing.wav,sad\n", TestContext.Current.CancellationToken);

        var (code, stdout, stderr) = await OrpheusProcess.RunAsync(["eval", "--manifest", manifest], dir.Path);

        AssertOneLine(stderr, "eval");
        code.ShouldBe(1, stderr);
        stderr.ShouldContain("none of the 2 clips");
        stderr.ShouldContain("missing.wav");
        stderr.ShouldNotContain("Audio:Input");
        stdout.ShouldBeEmpty("no report for nothing measured");
    }

    [Fact]
    public async Task Serve_on_a_port_in_use_names_the_port_in_one_line()
    {
        using var dir = new TempDirectory();
        using var taken = new TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;

        var (code, _, stderr) = await OrpheusProcess.RunAsync(["serve", "--urls", $"http://127.0.0.1:{port}"], dir.Path);

        AssertOneLine(stderr, "serve");
        code.ShouldBe(1, stderr);
        stderr.ShouldContain($"port {port} is already in use");
        stderr.ShouldContain("--urls");
    }

    [Fact]
    public async Task Serve_listen_without_a_microphone_warns_once_and_the_API_stays_up()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Skip("The microphone is PulseAudio on Linux only.");
        }

        using var dir = new TempDirectory();
        var runtime = Directory.CreateDirectory(dir.File("runtime")).FullName; // empty: no daemon, no socket
        await using var serve = await ServeProcess.StartAsync(dir.Path, ["--listen", "--player", "console"], new Dictionary<string, string?>
        {
            ["PULSE_SERVER"] = $"unix:{dir.File("no-such-pulse-socket")}",
            ["XDG_RUNTIME_DIR"] = runtime,
        });

        (await Shell.PollAsync(() => serve.Child.StdErr.Contains(" WRN]", StringComparison.Ordinal), TimeSpan.FromSeconds(60))).ShouldBeTrue(serve.Child.Describe());
        using var health = await serve.Client.GetAsync("/health", TestContext.Current.CancellationToken);
        health.IsSuccessStatusCode.ShouldBeTrue("the API keeps serving");
        using var state = await serve.Client.GetAsync("/api/state", TestContext.Current.CancellationToken);
        (await state.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("PulseAudio");

        var warnings = serve.Child.StdErr.Split('\n').Where(l => l.Contains(" WRN]", StringComparison.Ordinal) || l.Contains(" ERR]", StringComparison.Ordinal)).ToList();
        warnings.Count.ShouldBe(1, serve.Child.StdErr);
        warnings[0].ShouldContain("No PulseAudio server is running");
        warnings[0].ShouldContain("the API keeps serving");
        AssertNoCrash(serve.Child.StdErr, "serve --listen");
    }

    [Fact]
    public async Task The_run_script_builds_quietly_and_prints_only_the_app_s_output()
    {
        var root = Shell.RepoRoot();
        if (root is null)
        {
            Assert.Skip("Not run from a checkout.");
        }

        var (code, output) = await Shell.RunAsync(Path.Combine(root, "run"), ["--version"], timeout: TimeSpan.FromMinutes(5));

        code.ShouldBe(0, output);
        output.Trim().ShouldMatch(@"^\d+\.\d+\.\d+\S*$", "only the version: no build banner, no 'Build succeeded'");
    }

    private static void AssertOneLine(string stderr, string what)
    {
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines.Length.ShouldBe(1, $"{what}: exactly one line on stderr, got:\n{stderr}");
        lines[0].ShouldStartWith("orpheus", Case.Sensitive, what);
        LogLine().IsMatch(lines[0]).ShouldBeFalse($"{what}: the line is the app's message, not a log line");
        AssertNoCrash(stderr, what);
    }

    private static void AssertNoCrash(string stderr, string what)
    {
        stderr.ShouldNotContain("crashed", Case.Insensitive, what);
        stderr.ShouldNotContain("   at ", Case.Sensitive, $"{what}: no stack trace");
        stderr.ShouldNotContain("Exception", Case.Sensitive, $"{what}: no exception names");
        stderr.ShouldNotContain("unexpected error", Case.Sensitive, what);
    }

    [GeneratedRegex(@"^\[\d\d:\d\d:\d\d [A-Z]{3}\]")]
    private static partial Regex LogLine();
}
