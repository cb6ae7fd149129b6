using System.Text.Json;

namespace OrpheusLive.IntegrationTests;

/// <summary>The `listen --json` contract, run against the real app, model, ONNX Runtime and WAV reader.</summary>
public sealed class ListenCommandTests
{
    private static readonly string[] Labels = ["neutral", "happy", "sad", "angry", "fearful", "surprised"];

    [Fact]
    public async Task Listen_json_on_the_demo_prints_window_and_decision_lines()
    {
        var (lines, _) = await ListenToTheDemoAsync();
        var windows = lines.Where(l => l.GetProperty("type").GetString() == "window").ToList();
        var decisions = lines.Where(l => l.GetProperty("type").GetString() == "decision").ToList();

        windows.Count.ShouldBeGreaterThan(20);
        windows.Select(w => w.GetProperty("t").GetDouble()).ShouldBeInOrder(SortDirection.Ascending);
        var speech = windows.Where(w => w.GetProperty("speech").GetBoolean()).ToList();
        speech.ShouldNotBeEmpty();
        windows.ShouldContain(w => !w.GetProperty("speech").GetBoolean(), "the demo has pauses between its blocks");
        foreach (var w in speech)
        {
            var scores = w.GetProperty("scores").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble());
            scores.Keys.ShouldBe(Labels, ignoreOrder: true);
            scores.Values.Sum().ShouldBe(1.0, 0.01);
            var emotion = w.GetProperty("emotion").GetString();
            emotion.ShouldBe(scores.MaxBy(kv => kv.Value).Key);
            w.GetProperty("confidence").GetDouble().ShouldBe(scores[emotion!], 0.001);
            w.GetProperty("latency_ms").GetDouble().ShouldBeGreaterThan(0);
            w.GetProperty("valence").GetDouble().ShouldBeInRange(-1, 1);
            w.GetProperty("arousal").GetDouble().ShouldBeInRange(-1, 1);
        }

        windows.Where(w => !w.GetProperty("speech").GetBoolean()).ShouldAllBe(w => w.GetProperty("valence").ValueKind == JsonValueKind.Null);

        decisions.ShouldNotBeEmpty();
        foreach (var d in decisions)
        {
            d.GetProperty("emotion").GetString().ShouldBeOneOf(Labels);
            d.GetProperty("mood").GetString().ShouldNotBeNullOrEmpty();
            d.GetProperty("target").GetString().ShouldStartWith("spotify:playlist:");
        }
    }

    [Fact]
    public async Task The_demo_changes_the_music_in_each_of_its_four_emotion_blocks()
    {
        var (lines, stdout) = await ListenToTheDemoAsync();
        var decisions = lines
            .Where(l => l.GetProperty("type").GetString() == "decision")
            .Select(d => (T: d.GetProperty("t").GetDouble(), Emotion: d.GetProperty("emotion").GetString(), Mood: d.GetProperty("mood").GetString()))
            .ToList();

        // The shipped mapping: neutral → chill, happy → upbeat, angry → energetic, sad → comforting; one change per
        // block, made while that block's speech is still playing (a newcomer hears every block change the music).
        decisions.Select(d => d.Emotion).ShouldBe(["neutral", "happy", "angry", "sad"], stdout);
        decisions.Select(d => d.Mood).ShouldBe(["chill", "upbeat", "energetic", "comforting"]);
        for (var i = 0; i < decisions.Count; i++)
        {
            var block = OrpheusProcess.DemoBlocks[i];
            decisions[i].T.ShouldBeInRange(block.Start, block.End, $"the {block.Label} block changes the music during the block");
        }
    }

    /// <summary><c>listen --json</c> on the demo, fast, with the console player: must exit 0; its JSON lines.</summary>
    private static async Task<(List<JsonElement> Lines, string StdOut)> ListenToTheDemoAsync()
    {
        using var config = new TempDirectory();
        var (code, stdout, stderr) = await OrpheusProcess.RunAsync(
            ["listen", "--input", OrpheusProcess.DemoWav, "--fast", "--player", "console", "--json"], config.Path);

        code.ShouldBe(0, stderr);
        return (stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList(), stdout);
    }

    [Fact]
    public async Task A_corrupt_wav_fails_with_one_clear_line_and_a_non_zero_exit()
    {
        using var dir = new TempDirectory();
        var bad = dir.File("bad.wav");
        await File.WriteAllBytesAsync(bad, "RIFF\u0010\0\0\0WAVEjunkjunkjunk"u8.ToArray(), TestContext.Current.CancellationToken);

        var (code, stdout, stderr) = await OrpheusProcess.RunAsync(["listen", "--input", bad, "--fast", "--json"], dir.Path);

        code.ShouldBe(1);
        var lines = stderr.Trim().Split('\n');
        lines.Length.ShouldBe(1, stderr);
        lines[0].ShouldContain("bad.wav");

        // With --json the failure is also one status line of level "error" (id input.failed), so a script learns why.
        var status = JsonDocument.Parse(stdout.Trim()).RootElement;
        status.GetProperty("type").GetString().ShouldBe("status");
        status.GetProperty("id").GetString().ShouldBe("input.failed");
        status.GetProperty("level").GetString().ShouldBe("error");
        status.GetProperty("message").GetString()!.ShouldContain("bad.wav");
    }

    [Fact]
    public async Task A_missing_input_file_is_a_usage_error()
    {
        using var dir = new TempDirectory();
        var (code, _, stderr) = await OrpheusProcess.RunAsync(["listen", "--input", dir.File("nope.wav"), "--json"], dir.Path);

        code.ShouldBe(2);
        stderr.ShouldContain("input file not found");
    }

    [Fact]
    public async Task A_missing_model_is_reported_clearly()
    {
        using var dir = new TempDirectory();
        var (code, _, stderr) = await OrpheusProcess.RunAsync(
            ["listen", "--input", OrpheusProcess.DemoWav, "--fast", "--json", $"--Model:Path={dir.File("missing.onnx")}"], dir.Path);

        code.ShouldBe(1);
        stderr.ShouldContain("missing.onnx");
    }

    [Fact]
    public async Task A_broken_config_file_is_reported_clearly()
    {
        using var dir = new TempDirectory();
        await File.WriteAllTextAsync(dir.File("appsettings.json"), "{ \"Listen\": { \"HopSeconds\": ", TestContext.Current.CancellationToken);

        var (code, _, stderr) = await OrpheusProcess.RunAsync(["listen", "--input", OrpheusProcess.DemoWav, "--fast"], dir.Path);

        code.ShouldBe(1);
        stderr.ShouldContain("appsettings.json");
    }

    [Fact]
    public async Task An_invalid_setting_names_the_key()
    {
        using var dir = new TempDirectory();
        var (code, _, stderr) = await OrpheusProcess.RunAsync(
            ["listen", "--input", OrpheusProcess.DemoWav, "--fast", "--Debounce:Threshold=3"], dir.Path);

        code.ShouldBe(1);
        stderr.ShouldContain("Debounce:Threshold");
    }
}
