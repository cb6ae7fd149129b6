using System.Text.Json;
using OrpheusLive.IntegrationTests.Faults;
using OrpheusLive.Library.Tests;

namespace OrpheusLive.IntegrationTests.Library;

/// <summary>
/// The real `orpheus library …` process on real files (generated WAVs, a broken file) and its real SQLite database in a
/// private config directory (the default <c>Library:Database</c> is <c>library.db</c> there).
/// </summary>
public sealed class LibraryCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly string _music;
    private readonly string _config;

    public LibraryCommandTests()
    {
        _music = Directory.CreateDirectory(_dir.File("music")).FullName;
        _config = Directory.CreateDirectory(_dir.File("config")).FullName;
    }

    public void Dispose() => _dir.Dispose();

    private string Database => Path.Combine(_config, "library.db");

    private Task<(int ExitCode, string StdOut, string StdErr)> Orpheus(params string[] args) => OrpheusProcess.RunAsync(args, _config);

    private static List<JsonElement> JsonLines(string stdout) =>
        [.. stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement)];

    private void AddBeatPadAndBroken()
    {
        new Synth { Seconds = 6, TempoBpm = 140 }.WriteWav(Path.Combine(_music, "beat.wav"));
        Directory.CreateDirectory(Path.Combine(_music, "calm"));
        new Synth { Seconds = 6, Drums = false, Gain = 0.2, Major = false }.WriteWav(Path.Combine(_music, "calm", "pad.wav"));
        File.WriteAllText(Path.Combine(_music, "readme.mp3"), "these are words, not music");
    }

    [Fact]
    public async Task Scan_json_prints_one_line_per_file_and_a_summary_and_a_rescan_serves_every_file_from_the_library()
    {
        AddBeatPadAndBroken();

        var (code, stdout, stderr) = await Orpheus("library", "scan", _music, "--json");
        var (againCode, againOut, _) = await Orpheus("library", "scan", _music, "--json");

        code.ShouldBe(0, stderr);
        var lines = JsonLines(stdout);
        var tracks = lines.Where(l => l.GetProperty("type").GetString() == "track").ToDictionary(l => Path.GetFileName(l.GetProperty("path").GetString()!));
        tracks.Keys.Order().ShouldBe(["beat.wav", "pad.wav", "readme.mp3"]);
        foreach (var t in tracks.Values)
        {
            foreach (var key in new[] { "path", "status", "error", "duration_s", "tempo_bpm", "valence", "arousal", "mood" }) t.TryGetProperty(key, out _).ShouldBeTrue(key);
        }
        var beat = tracks["beat.wav"];
        beat.GetProperty("status").GetString().ShouldBe("analysed");
        beat.GetProperty("error").ValueKind.ShouldBe(JsonValueKind.Null);
        beat.GetProperty("duration_s").GetDouble().ShouldBe(6, 0.01);
        beat.GetProperty("valence").GetDouble().ShouldBeInRange(-1, 1);
        beat.GetProperty("arousal").GetDouble().ShouldBeInRange(-1, 1);
        beat.GetProperty("mood").GetString().ShouldNotBeNullOrEmpty();
        tracks["pad.wav"].GetProperty("arousal").GetDouble().ShouldBeLessThan(beat.GetProperty("arousal").GetDouble(), "a quiet pad is calmer than a loud beat");
        tracks["readme.mp3"].GetProperty("status").GetString().ShouldBe("failed");
        tracks["readme.mp3"].GetProperty("error").GetString()!.ShouldContain("readme.mp3");
        var summary = lines.Last();
        summary.GetProperty("type").GetString().ShouldBe("summary");
        (summary.GetProperty("analysed").GetInt32(), summary.GetProperty("cached").GetInt32(), summary.GetProperty("failed").GetInt32()).ShouldBe((2, 0, 1));
        summary.GetProperty("audio_seconds").GetDouble().ShouldBe(12, 0.05);
        summary.GetProperty("seconds").GetDouble().ShouldBeGreaterThan(0);
        File.Exists(Database).ShouldBeTrue("the library lives in the user data directory by default");

        againCode.ShouldBe(0);
        var again = JsonLines(againOut).Last();
        (again.GetProperty("analysed").GetInt32(), again.GetProperty("cached").GetInt32(), again.GetProperty("failed").GetInt32()).ShouldBe((0, 2, 1));
        again.GetProperty("audio_seconds").GetDouble().ShouldBe(0);
    }

    [Fact]
    public async Task List_shows_every_track_and_one_mood_s_tracks_and_forget_and_prune_remove_files_from_the_library()
    {
        AddBeatPadAndBroken();
        (await Orpheus("library", "scan", _music)).ExitCode.ShouldBe(0);

        var (listCode, listOut, _) = await Orpheus("library", "list", "--json");
        var all = JsonLines(listOut);
        var beatMood = all.Single(t => t.GetProperty("path").GetString()!.EndsWith("beat.wav", StringComparison.Ordinal)).GetProperty("mood").GetString()!;
        var (_, moodOut, _) = await Orpheus("library", "list", "--mood", beatMood, "--json");
        var (_, textOut, _) = await Orpheus("library", "list");
        File.Delete(Path.Combine(_music, "calm", "pad.wav"));
        var (pruneCode, pruneOut, _) = await Orpheus("library", "prune");
        var (forgetCode, forgetOut, _) = await Orpheus("library", "forget", Path.Combine(_music, "beat.wav"));
        var (unknownCode, _, unknownErr) = await Orpheus("library", "forget", Path.Combine(_music, "never-seen.wav"));
        var (_, afterOut, _) = await Orpheus("library", "list", "--json");

        listCode.ShouldBe(0);
        all.Count.ShouldBe(3);
        foreach (var t in all)
        {
            foreach (var key in new[] { "path", "duration_s", "tempo_bpm", "valence", "arousal", "mood", "cluster" }) t.TryGetProperty(key, out _).ShouldBeTrue(key);
        }
        all.Where(t => t.GetProperty("status").GetString() == "analysed").ShouldAllBe(t => t.GetProperty("cluster").ValueKind == JsonValueKind.Number);
        JsonLines(moodOut).ShouldAllBe(t => t.GetProperty("mood").GetString() == beatMood);
        JsonLines(moodOut).ShouldContain(t => t.GetProperty("path").GetString()!.EndsWith("beat.wav", StringComparison.Ordinal));
        textOut.ShouldContain("beat.wav");
        textOut.ShouldContain("3 tracks.");
        pruneCode.ShouldBe(0);
        pruneOut.ShouldContain("pad.wav");
        pruneOut.ShouldContain("Pruned 1 file.");
        forgetCode.ShouldBe(0);
        forgetOut.ShouldContain("beat.wav");
        unknownCode.ShouldBe(1);
        unknownErr.Trim().Split('\n').ShouldHaveSingleItem().ShouldContain("never-seen.wav");
        JsonLines(afterOut).Select(t => Path.GetFileName(t.GetProperty("path").GetString())).ShouldBe(["readme.mp3"]);
    }

    [Fact]
    public async Task Map_draws_a_png_and_an_svg_and_refuses_another_extension_as_a_bad_command_line()
    {
        AddBeatPadAndBroken();
        var (emptyCode, _, emptyErr) = await Orpheus("library", "map", "--out", _dir.File("empty.png"));
        (await Orpheus("library", "scan", _music)).ExitCode.ShouldBe(0);

        var (pngCode, _, pngErr) = await Orpheus("library", "map", "--out", _dir.File("map.png"));
        var (svgCode, _, _) = await Orpheus("library", "map", "--out", _dir.File("map.svg"));
        var (jpgCode, _, jpgErr) = await Orpheus("library", "map", "--out", _dir.File("map.jpg"));

        emptyCode.ShouldBe(1);
        emptyErr.ShouldContain("library scan");
        pngCode.ShouldBe(0, pngErr);
        File.ReadAllBytes(_dir.File("map.png"))[..8].ShouldBe(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
        svgCode.ShouldBe(0);
        File.ReadAllText(_dir.File("map.svg")).ShouldContain("<svg");
        File.ReadAllText(_dir.File("map.svg")).ShouldContain("valence", Case.Insensitive);
        jpgCode.ShouldBe(2);
        jpgErr.ShouldContain(".png or .svg");
        File.Exists(_dir.File("map.jpg")).ShouldBeFalse();
    }

    [Fact]
    public async Task A_scan_exits_1_only_when_no_folder_can_be_read_and_names_each_unreadable_folder()
    {
        new Synth { Seconds = 3 }.WriteWav(Path.Combine(_music, "one.wav"));
        var missing = _dir.File("no-such-folder");

        var (someCode, someOut, someErr) = await Orpheus("library", "scan", _music, missing);
        var (noneCode, _, noneErr) = await Orpheus("library", "scan", missing);

        someCode.ShouldBe(0, someErr);
        someErr.ShouldContain(missing);
        someOut.ShouldContain("1 analysed");
        noneCode.ShouldBe(1);
        noneErr.Trim().Split('\n').ShouldHaveSingleItem().ShouldContain(missing);
    }

    [Fact]
    public async Task A_scan_without_a_folder_walks_the_folders_earlier_scans_walked_and_without_any_says_to_name_one()
    {
        var (neverCode, _, neverErr) = await Orpheus("library", "scan");
        neverCode.ShouldBe(2);
        neverErr.Trim().Split('\n').ShouldHaveSingleItem().ShouldContain("orpheus library scan ~/Music");
        File.Exists(Database).ShouldBeFalse("asking for nothing creates no library");

        var first = Directory.CreateDirectory(Path.Combine(_music, "first-album")).FullName;
        new Synth { Seconds = 3, TempoBpm = 140 }.WriteWav(Path.Combine(first, "beat.wav"));
        (await Orpheus("library", "scan", _music)).ExitCode.ShouldBe(0);
        var second = Directory.CreateDirectory(Path.Combine(_music, "second-album")).FullName;
        new Synth { Seconds = 3, Drums = false, Major = false }.WriteWav(Path.Combine(second, "pad.wav"));

        var (againCode, againOut, againErr) = await Orpheus("library", "scan", "--json");

        againCode.ShouldBe(0, againErr);
        var summary = JsonLines(againOut).Single(l => l.GetProperty("type").GetString() == "summary");
        (summary.GetProperty("analysed").GetInt32(), summary.GetProperty("cached").GetInt32()).ShouldBe((1, 1), "the new album in the scanned folder is found");

        Directory.Delete(_music, recursive: true);
        var (goneCode, _, goneErr) = await Orpheus("library", "scan");
        goneCode.ShouldBe(2);
        goneErr.Trim().Split('\n').ShouldHaveSingleItem().ShouldContain("none of the folders the library knows exists any more");
    }

    [Fact]
    public async Task A_damaged_database_is_named_in_one_line_and_left_as_it_was()
    {
        var junk = new byte[8192];
        new Random(3).NextBytes(junk);
        File.WriteAllBytes(Database, junk);
        new Synth { Seconds = 3 }.WriteWav(Path.Combine(_music, "one.wav"));

        var (listCode, _, listErr) = await Orpheus("library", "list");
        var (scanCode, _, scanErr) = await Orpheus("library", "scan", _music);

        listCode.ShouldBe(1);
        scanCode.ShouldBe(1);
        foreach (var err in new[] { listErr, scanErr })
        {
            err.Trim().Split('\n').ShouldHaveSingleItem().ShouldContain(Database);
            err.ShouldNotContain("   at ");
        }
        File.ReadAllBytes(Database).ShouldBe(junk, "the user's file is never recreated over");
    }

    [Fact]
    public async Task A_bad_library_command_line_exits_2_with_the_usage()
    {
        var (noSub, _, noSubErr) = await Orpheus("library");
        var (unknown, _, unknownErr) = await Orpheus("library", "dance");
        var (noFolder, _, _) = await Orpheus("library", "scan");
        var (badOption, _, badOptionErr) = await Orpheus("library", "list", "--moood", "chill");
        var (badSetting, _, badSettingErr) = await Orpheus("library", "list", "--Library:Parallelism=-3");

        (noSub, unknown, noFolder, badOption).ShouldBe((2, 2, 2, 2));
        noSubErr.ShouldContain("scan, list, forget, prune or map");
        unknownErr.ShouldContain("'dance'");
        badOptionErr.ShouldContain("--moood");
        badSetting.ShouldBe(1);
        badSettingErr.ShouldContain("Library:Parallelism");
    }

    [Fact]
    public async Task A_scan_stopped_by_SIGTERM_keeps_what_it_finished_a_second_scan_meanwhile_is_told_the_library_is_busy_and_the_next_scan_resumes()
    {
        const int files = 10;
        for (var i = 0; i < files; i++) new Synth { Seconds = 30, Seed = i, TempoBpm = 90 + 5 * i }.WriteWav(Path.Combine(_music, $"t{i:00}.wav"));

        await using var scan = OrpheusChild.Start(["library", "scan", _music, "--json", "--Library:Parallelism=1"], _config);
        await scan.WaitForLineAsync(l => l.Contains("\"type\":\"track\"", StringComparison.Ordinal), 0, TimeSpan.FromMinutes(2), "the first analysed file");
        var (busyCode, _, busyErr) = await Orpheus("library", "scan", _music);
        await scan.SignalAsync("TERM");
        var stoppedCode = await scan.WaitForExitAsync(TimeSpan.FromMinutes(1));
        var (resumedCode, resumedOut, _) = await Orpheus("library", "scan", _music, "--json");

        busyCode.ShouldBe(1);
        busyErr.ShouldContain("busy", Case.Insensitive);
        busyErr.ShouldContain($"pid {scan.Pid}");
        stoppedCode.ShouldBe(0, scan.Describe());
        var stopped = JsonLines(string.Join('\n', scan.StdoutLines));
        var summary = stopped.Last();
        summary.GetProperty("type").GetString().ShouldBe("summary", scan.Describe());
        summary.GetProperty("cancelled").GetBoolean().ShouldBeTrue();
        var done = summary.GetProperty("analysed").GetInt32();
        done.ShouldBeInRange(1, files - 1, "SIGTERM stops the scan before its end");
        resumedCode.ShouldBe(0);
        var resumed = JsonLines(resumedOut).Last();
        (resumed.GetProperty("cached").GetInt32(), resumed.GetProperty("analysed").GetInt32()).ShouldBe((done, files - done));
    }

    [Fact]
    public async Task Listen_with_the_built_in_player_plays_a_library_track_of_the_decided_mood_and_names_it_in_the_decision()
    {
        if (!File.Exists(OrpheusProcess.Model) || !File.Exists(OrpheusProcess.DemoWav)) Assert.Skip("The model or the demo input has not been built yet.");
        await using var pulse = await PrivatePulseAudio.StartOrSkipAsync();
        // One mood, whose target names the library (a mood with only a Spotify link falls back to it too: LocalPlayerTests).
        File.WriteAllText(Path.Combine(_config, "moods.json"), """
            {
              "emotions": { "neutral": "chill", "calm": "chill", "happy": "chill", "sad": "chill", "angry": "chill",
                            "fearful": "chill", "disgust": "chill", "surprised": "chill" },
              "moods": { "chill": { "targets": ["library:chill"], "shuffle": true, "policy": "match" } }
            }
            """);
        for (var i = 0; i < 3; i++) new Synth { Seconds = 4, Seed = i, TempoBpm = 90 + 20 * i }.WriteWav(Path.Combine(_music, $"t{i}.wav"));
        (await Orpheus("library", "scan", _music)).ExitCode.ShouldBe(0);

        var (code, stdout, stderr) = await OrpheusProcess.RunAsync(
            ["listen", "--input", OrpheusProcess.DemoWav, "--fast", "--player", "local", "--json"], _config,
            environment: pulse.ClientEnvironment.Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value!));

        code.ShouldBe(0, stderr);
        var decisions = JsonLines(stdout).Where(l => l.GetProperty("type").GetString() == "decision").ToList();
        decisions.ShouldNotBeEmpty(stderr);
        var target = decisions[0].GetProperty("target").GetString()!;
        Path.GetDirectoryName(target).ShouldBe(_music, "the decision names the library track that was chosen");
        Path.GetFileName(target).ShouldBeOneOf("t0.wav", "t1.wav", "t2.wav");
    }
}
