using System.Text.Json;
using OrpheusLive.Core.Calibration;
using OrpheusLive.Tui.Calibration;
using OrpheusLive.Tui.Live;
using OrpheusLive.Tui.Tests.Fakes;
using OrpheusLive.Tui.Tests.Harness;
using Terminal.Gui.Input;

namespace OrpheusLive.Tui.Tests.Calibration;

/// <summary>The dashboard's calibration screen ([c]): prompts, recording, skip, the before/after table, save, Esc.</summary>
public sealed class CalibrationScreenTests : IDisposable
{
    private readonly DirectoryInfo _profiles = Directory.CreateTempSubdirectory("orpheus-calibration-screen-");

    public void Dispose() => _profiles.Delete(recursive: true);

    private static Task<HeadlessTerminal> StartAsync(TestPipeline pipeline, IEnrolmentStudio studio, int width = 110, int height = 34) =>
        HeadlessTerminal.StartAsync(options => TerminalDashboard.RunAsync(pipeline, new InMemoryMoodMapStore(InMemoryMoodMapStore.DefaultMap()), null,
            new DashboardOptions { Terminal = options, Enrolment = studio }, CancellationToken.None), width, height);

    private static bool Has(string screen, string text) => screen.Contains(text, StringComparison.Ordinal);

    [Fact]
    public async Task C_walks_the_prompts_records_and_skips_lines_shows_before_and_after_and_saves_the_profile()
    {
        var pipeline = new TestPipeline();
        var studio = new WavEnrolmentStudio(_profiles.FullName) { Hold = true };
        var prompts = EnrolmentPrompt.For(["neutral", "happy", "sad", "angry"]);
        await using var ui = await StartAsync(pipeline, studio);

        var first = ui.Press(Key.C).WaitFor(s => Has(s, "Line 1 of 8"), "the first prompt");

        first.ShouldContain("Say this calmly (neutral):");
        first.ShouldContain($"“{prompts[0].Line}”");
        first.ShouldContain("Listening is paused");
        pipeline.Calls.ShouldBe(["pause-listening"], "the music must not follow the prompted lines");

        var recording = ui.Press(Key.Space).WaitFor(s => Has(s, "Recording… 3 s"), "the recording state");
        recording.ShouldContain("level ");
        recording.ShouldContain("-18 dBFS");
        ui.Press(Key.Space).Screen().ShouldContain("Recording… 3 s", Case.Sensitive, "a key while recording starts nothing");
        studio.Hold = false;
        studio.Release();
        ui.WaitFor(s => Has(s, "Line 2 of 8"), "the second prompt").ShouldContain("Say this cheerfully (happy):");

        ui.Press(Key.S).WaitFor(s => Has(s, "Line 3 of 8"), "the third prompt after a skip").ShouldContain("Skipped line 2.");
        for (var line = 3; line <= 8; line++)
        {
            ui.Press(line % 2 == 0 ? Key.Enter : Key.Space);
            ui.WaitFor(s => line == 8 ? Has(s, "mean") : Has(s, $"Line {line + 1} of 8"), $"line {line} recorded");
        }

        studio.Recorded.ShouldBe([.. prompts.Where((_, i) => i != 1).Select(p => p.Label)], "each line is recorded once, in the prompts' order, the skipped one not");
        var rows = ui.Rows();
        rows.ShouldContain(r => Has(r, "line") && Has(r, "asked") && Has(r, "before") && Has(r, "after"));
        rows.Count(r => r.Contains("% →", StringComparison.Ordinal)).ShouldBe(8, "7 recorded lines and the mean");
        rows.ShouldContain(r => Has(r, "line 1 ") && Has(r, "neutral") && Has(r, " %"));
        rows.ShouldNotContain(r => Has(r, "line 2 "), "the skipped line is not in the table");
        Has(ui.Screen(), "Per-emotion corrections learnt from 4 emotions.").ShouldBeTrue();
        File.Exists(studio.Store.PathOf("default")).ShouldBeFalse("nothing is saved before the user asks");

        ui.Press(Key.Enter).WaitFor(s => Has(s, "Saved profile 'default'"), "the save");
        using (var saved = JsonDocument.Parse(await File.ReadAllTextAsync(studio.Store.PathOf("default"), TestContext.Current.CancellationToken)))
        {
            saved.RootElement.GetProperty("enrolled_clips").GetInt32().ShouldBe(7);
            saved.RootElement.GetProperty("class_bias").EnumerateArray().ShouldContain(b => Math.Abs(b.GetDouble()) > 0.01);
        }

        var back = ui.Press(Key.Esc).WaitFor(s => Has(s, "Calibration profile saved"), "the dashboard, without asking");
        back.ShouldNotContain("Leave calibration?");
        pipeline.Calls.ShouldBe(["pause-listening", "resume-listening"]);
    }

    [Fact]
    public async Task Esc_with_recorded_lines_that_are_not_saved_asks_first_and_leaving_saves_nothing()
    {
        var pipeline = new TestPipeline();
        var studio = new WavEnrolmentStudio(_profiles.FullName);
        await using var ui = await StartAsync(pipeline, studio);
        ui.Press(Key.C).WaitFor(s => Has(s, "Line 1 of 8"), "the first prompt");
        ui.Press(Key.Space).WaitFor(s => Has(s, "Line 2 of 8"), "the first line recorded");

        ui.Press(Key.Esc).WaitFor(s => Has(s, "Leave calibration?"), "the question").ShouldContain("1 recorded line(s) are not saved");
        ui.Press(Key.Enter).WaitFor(s => !Has(s, "Leave calibration?"), "the question answered")
            .ShouldContain("Line 2 of 8", Case.Sensitive, "Enter keeps calibrating (the safe answer is the first button)");
        pipeline.Calls.ShouldBe(["pause-listening"]);

        ui.Press(Key.Esc).WaitFor(s => Has(s, "Leave without saving"), "the question again");
        var leave = ui.Find("Leave without saving");
        ui.Click(leave.X + 2, leave.Y).WaitFor(s => Has(s, "Timeline"), "the dashboard");

        pipeline.Calls.ShouldBe(["pause-listening", "resume-listening"]);
        File.Exists(studio.Store.PathOf("default")).ShouldBeFalse();
    }

    [Fact]
    public async Task Esc_before_any_line_leaves_at_once_and_a_paused_pipeline_stays_paused()
    {
        var pipeline = new TestPipeline();
        pipeline.PauseListening();
        await using var ui = await StartAsync(pipeline, new WavEnrolmentStudio(_profiles.FullName));
        ui.Press(Key.C).WaitFor(s => Has(s, "Line 1 of 8"), "the first prompt");

        ui.Press(Key.Esc).WaitFor(s => Has(s, "Timeline"), "the dashboard").ShouldNotContain("Leave calibration?");

        pipeline.Calls.ShouldBe(["pause-listening"], "only the test paused; the screen neither paused nor resumed");
    }

    [Fact]
    public async Task The_status_bar_offers_c_and_a_narrow_screen_still_shows_quit()
    {
        var studio = new WavEnrolmentStudio(_profiles.FullName);
        await using (var wide = await StartAsync(new TestPipeline(), studio))
        {
            wide.Rows().ShouldContain(r => Has(r, "q  Quit") && Has(r, "c  Calibrate"));
        }

        await using var narrow = await StartAsync(new TestPipeline(), studio, width: 80, height: 24);
        narrow.Rows().ShouldContain(r => Has(r, "q  Quit"), "the calibrate hint comes after Quit, so a narrow bar clips it, never Quit");
        narrow.Press(Key.C).WaitFor(s => Has(s, "Line 1 of 8"), "the calibration screen from a narrow dashboard");
    }

    [Fact]
    public void The_meter_and_the_countdown_follow_the_recorded_audio()
    {
        CalibrationText.Recording(new RecordingProgress(2.2, 6, -20)).ShouldBe("Recording… 4 s");
        CalibrationText.Recording(new RecordingProgress(6, 6, -20)).ShouldBe("Recording… 0 s");
        CalibrationText.Meter(0).ShouldContain(new string('█', CalibrationText.MeterWidth));
        CalibrationText.Meter(-30).ShouldContain(new string('█', CalibrationText.MeterWidth / 2) + new string('░', CalibrationText.MeterWidth / 2));
        CalibrationText.Meter(float.NegativeInfinity).ShouldContain(new string('░', CalibrationText.MeterWidth) + "  -60 dBFS");
    }
}
