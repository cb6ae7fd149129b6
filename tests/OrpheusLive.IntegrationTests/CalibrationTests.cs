using System.Text.Json;
using OrpheusLive.Audio.Wav;

namespace OrpheusLive.IntegrationTests;

/// <summary>Personal calibration in the real app: profiles in the user directory across restarts, bad profiles, bad settings.</summary>
public sealed class CalibrationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static double Weight(string profile) => JsonDocument.Parse(File.ReadAllText(profile)).RootElement.GetProperty("weight").GetDouble();

    private static Task<(int ExitCode, string StdOut, string StdErr)> ListenAsync(TempDirectory config, params string[] extra) =>
        OrpheusProcess.RunAsync(["listen", "--input", OrpheusProcess.DemoWav, "--fast", "--player", "console", "--json", .. extra], config.Path);

    private static List<JsonElement> Warnings(string stdout) =>
        [.. stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement)
            .Where(l => l.GetProperty("type").GetString() == "status")];

    [Fact]
    public async Task A_profile_survives_restarts_and_a_corrupt_one_is_kept_as_bak_with_one_warning()
    {
        using var config = new TempDirectory();
        var profile = Path.Combine(config.Path, "profiles", "alice.json");

        var first = await ListenAsync(config, "--profile", "alice");
        first.ExitCode.ShouldBe(0, first.StdErr);
        var learnt = Weight(profile);
        learnt.ShouldBeGreaterThan(5, "the demo holds about a minute of speech");

        var second = await ListenAsync(config, "--profile", "alice");
        second.ExitCode.ShouldBe(0, second.StdErr);
        Warnings(second.StdOut).ShouldBeEmpty();
        Weight(profile).ShouldBeGreaterThan(learnt + 5, "the second run continued from the first one's profile");

        await File.WriteAllTextAsync(profile, "{ not json", Ct);
        var third = await ListenAsync(config, "--profile", "alice");
        third.ExitCode.ShouldBe(0, third.StdErr);
        var warning = Warnings(third.StdOut).ShouldHaveSingleItem();
        warning.GetProperty("id").GetString().ShouldBe("calibration.profile-invalid");
        warning.GetProperty("message").GetString()!.ShouldContain(profile);
        (await File.ReadAllTextAsync(profile + ".bak", Ct)).ShouldBe("{ not json");
        Weight(profile).ShouldBeInRange(5, learnt + 1, "a fresh start: only this run's speech");
        third.StdErr.ShouldNotContain("   at ", Case.Sensitive, "no stack trace on the console");
    }

    [Fact]
    public async Task With_mode_off_no_profile_is_read_or_written()
    {
        using var config = new TempDirectory();

        var (code, _, stderr) = await ListenAsync(config, "--Calibration:Mode=off");

        code.ShouldBe(0, stderr);
        Directory.Exists(Path.Combine(config.Path, "profiles")).ShouldBeFalse();
    }

    [Fact]
    public async Task A_bad_calibration_mode_or_profile_name_is_one_line_that_says_what_is_valid()
    {
        using var config = new TempDirectory();

        var mode = await ListenAsync(config, "--Calibration:Mode=loud");
        var name = await ListenAsync(config, "--profile", "../x");

        mode.ExitCode.ShouldBe(1);
        mode.StdErr.ShouldContain("Calibration:Mode");
        mode.StdErr.ShouldContain("auto, off");
        name.ExitCode.ShouldBe(2);
        name.StdErr.ShouldContain("profile name '../x' is not valid");
    }

    /// <summary>Two "speakers" reading the demo's four emotion blocks, 3 clips per block, block by block; returns the manifest.</summary>
    private static async Task<string> DemoSessionsAsync(TempDirectory dir, bool withSpeaker = true)
    {
        var demo = WavFile.Read(OrpheusProcess.DemoWav);
        var rows = new List<string> { withSpeaker ? "path,label,speaker" : "path,label" };
        foreach (var speaker in new[] { "a", "b" })
        {
            foreach (var (label, start, end) in OrpheusProcess.DemoBlocks)
            {
                var length = (end - start) / 3;
                for (var i = 0; i < 3; i++)
                {
                    var name = $"{speaker}-{label}-{i}.wav";
                    ModelCommandsTests.WriteClip(dir.File(name), demo.Samples, demo.Format.SampleRate, start + (i * length), start + ((i + 1) * length));
                    rows.Add(withSpeaker ? $"{name},{label},{speaker}" : $"{name},{label}");
                }
            }
        }

        await File.WriteAllLinesAsync(dir.File("manifest.csv"), rows, Ct);
        return dir.File("manifest.csv");
    }

    [Fact]
    public async Task Eval_session_scores_every_clip_per_speaker_next_to_the_per_clip_baseline()
    {
        using var dir = new TempDirectory();
        var manifest = await DemoSessionsAsync(dir);

        var session = await OrpheusProcess.RunAsync(["eval", "--manifest", manifest, "--session", "--json"], dir.Path);
        var enrol = await OrpheusProcess.RunAsync(["eval", "--manifest", manifest, "--session", "--enrol", "4", "--json"], dir.Path);
        var off = await OrpheusProcess.RunAsync(["eval", "--manifest", manifest, "--session", "--json", "--Calibration:Mode=off"], dir.Path);

        session.ExitCode.ShouldBe(0, session.StdErr);
        var report = JsonDocument.Parse(session.StdOut).RootElement;
        report.GetProperty("n").GetInt32().ShouldBe(24);
        report.GetProperty("per_clip").GetProperty("n").GetInt32().ShouldBe(24);
        report.GetProperty("session").GetProperty("speakers").GetInt32().ShouldBe(2);
        var speakers = report.GetProperty("per_speaker").EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
        speakers.Keys.ShouldBe(["a", "b"], ignoreOrder: true);
        speakers.Values.ShouldAllBe(s => s.GetProperty("n").GetInt32() == 12);
        speakers["a"].GetProperty("per_clip_uar").GetDouble().ShouldBe(speakers["b"].GetProperty("per_clip_uar").GetDouble(), "same clips, same model");

        enrol.ExitCode.ShouldBe(0, enrol.StdErr);
        var enrolled = JsonDocument.Parse(enrol.StdOut).RootElement;
        enrolled.GetProperty("n").GetInt32().ShouldBe(16, "each speaker's first 4 clips enrol and are not scored");
        enrolled.GetProperty("session").GetProperty("enrolled_clips").GetInt32().ShouldBe(8);
        enrolled.GetProperty("session").GetProperty("enrolments_applied").GetInt32().ShouldBe(0, "the first 4 clips cover 2 emotions, fewer than 3");

        off.ExitCode.ShouldBe(0, off.StdErr);
        var unadapted = JsonDocument.Parse(off.StdOut).RootElement;
        unadapted.GetProperty("uar").GetDouble().ShouldBe(unadapted.GetProperty("per_clip").GetProperty("uar").GetDouble(), "without calibration a session scores exactly like per-clip eval");
        unadapted.GetProperty("per_clip").GetProperty("uar").GetDouble().ShouldBe(report.GetProperty("per_clip").GetProperty("uar").GetDouble());
    }

    [Fact]
    public async Task Eval_session_options_and_manifests_that_cannot_work_are_one_line_each()
    {
        using var dir = new TempDirectory();
        var manifest = await DemoSessionsAsync(dir, withSpeaker: false);

        var noSpeaker = await OrpheusProcess.RunAsync(["eval", "--manifest", manifest, "--session"], dir.Path);
        var enrolAlone = await OrpheusProcess.RunAsync(["eval", "--manifest", manifest, "--enrol", "3"], dir.Path);
        var enrolZero = await OrpheusProcess.RunAsync(["eval", "--manifest", manifest, "--session", "--enrol", "0"], dir.Path);

        noSpeaker.ExitCode.ShouldBe(1);
        noSpeaker.StdErr.Trim().Split('\n').ShouldHaveSingleItem().ShouldContain("'speaker' column");
        enrolAlone.ExitCode.ShouldBe(2);
        enrolAlone.StdErr.ShouldContain("--enrol N needs --session");
        enrolZero.ExitCode.ShouldBe(2);
    }

    [Fact]
    public async Task Calibrate_with_wav_files_shows_before_and_after_and_saves_a_profile_that_listen_uses()
    {
        using var config = new TempDirectory();
        using var clips = new TempDirectory();
        var demo = WavFile.Read(OrpheusProcess.DemoWav);
        foreach (var (label, start, end) in OrpheusProcess.DemoBlocks)
        {
            var length = (end - start) / 2;
            for (var i = 0; i < 2; i++)
            {
                ModelCommandsTests.WriteClip(clips.File($"{label}-{i + 1}.wav"), demo.Samples, demo.Format.SampleRate, start + (i * length), start + ((i + 1) * length));
            }
        }

        var (code, stdout, stderr) = await OrpheusProcess.RunAsync(["calibrate", "--input-dir", clips.Path, "--profile", "carol", "--json"], config.Path);

        code.ShouldBe(0, stderr);
        var result = JsonDocument.Parse(stdout).RootElement;
        result.GetProperty("applied").GetBoolean().ShouldBeTrue("4 emotions, at least 3 needed");
        result.GetProperty("emotions").GetInt32().ShouldBe(4);
        var enrolled = result.GetProperty("clips").EnumerateArray().ToList();
        enrolled.Select(c => c.GetProperty("label").GetString()).ShouldBe(
            ["angry", "angry", "happy", "happy", "neutral", "neutral", "sad", "sad"], "files in name order, labelled by their names");
        result.GetProperty("mean_after").GetDouble().ShouldBeGreaterThan(result.GetProperty("mean_before").GetDouble() + 0.005,
            "the fitted per-emotion bias raises the confidence in the emotions the lines were read in");
        var profile = Path.Combine(config.Path, "profiles", "carol.json");
        result.GetProperty("path").GetString().ShouldBe(profile);
        var saved = JsonDocument.Parse(await File.ReadAllTextAsync(profile, Ct)).RootElement;
        saved.GetProperty("enrolled_clips").GetInt32().ShouldBe(8);
        saved.GetProperty("class_bias").EnumerateArray().ShouldContain(b => Math.Abs(b.GetDouble()) > 0.01);

        var listen = await ListenAsync(config, "--profile", "carol");
        listen.ExitCode.ShouldBe(0, listen.StdErr);
        Warnings(listen.StdOut).ShouldBeEmpty("the enrolled profile is usable by listen");
        JsonDocument.Parse(await File.ReadAllTextAsync(profile, Ct)).RootElement.GetProperty("enrolled_clips").GetInt32().ShouldBe(8, "listening keeps the enrolment");
    }

    [Fact]
    public async Task Calibrate_with_a_file_not_named_by_emotion_is_one_line_naming_it_and_the_labels()
    {
        using var config = new TempDirectory();
        using var clips = new TempDirectory();
        var demo = WavFile.Read(OrpheusProcess.DemoWav);
        ModelCommandsTests.WriteClip(clips.File("happy-1.wav"), demo.Samples, demo.Format.SampleRate, 13, 16);
        ModelCommandsTests.WriteClip(clips.File("shouting.wav"), demo.Samples, demo.Format.SampleRate, 25, 28);

        var (code, _, stderr) = await OrpheusProcess.RunAsync(["calibrate", "--input-dir", clips.Path], config.Path);

        code.ShouldBe(1);
        var line = stderr.Trim().Split('\n').ShouldHaveSingleItem();
        line.ShouldContain("shouting.wav");
        line.ShouldContain("neutral, happy, sad, angry");
        Directory.Exists(Path.Combine(config.Path, "profiles")).ShouldBeFalse("nothing is saved");
    }
}
