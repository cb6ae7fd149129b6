using OrpheusLive.Core.Pipeline;
using OrpheusLive.Core.Pipeline.State;
using OrpheusLive.Tui.Tests.Harness;

namespace OrpheusLive.Tui.Tests.Live;

/// <summary>What the dashboard shows for pipeline states, read from the headless screen.</summary>
public sealed class DashboardScreenTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Redraw = TimeSpan.FromMilliseconds(250);

    [Fact]
    public async Task Before_anything_is_heard_it_says_listening_and_never_neutral_0_percent()
    {
        await using var ui = await Dashboards.StartAsync(new TestPipeline(PipelineStates.Listening()));

        var screen = ui.Screen();

        screen.ShouldContain("● Listening — demo.wav");
        screen.ShouldContain("Stable  listening…");
        screen.ShouldContain("listening… no speech heard yet");
        screen.ShouldContain("no speech yet"); // the plane
        screen.ShouldContain("Mood     —");
        screen.ShouldContain("Playing  nothing yet");
        screen.ShouldContain("Latency  —");
        screen.ShouldNotContain("neutral");
        screen.ShouldNotContain("0 %");
    }

    [Fact]
    public async Task Speech_gives_bars_in_model_order_with_the_stable_emotion_marked_and_its_confidence()
    {
        var pipeline = new TestPipeline();
        await using var ui = await Dashboards.StartAsync(pipeline);

        pipeline.Publish(s => s.Heard(PipelineStates.Speech(12, "happy", 0.71f), 0.81f).Playing("happy", "upbeat"));
        var rows = ui.Advance(Redraw).Rows();

        var bars = rows.Where(r => r.Contains('░') && r.Contains(" %", StringComparison.Ordinal)).ToArray();
        bars.Select(r => PipelineStates.ModelLabels.First(l => r.Contains($" {l} ", StringComparison.Ordinal) || r.Contains($"▶{l} ", StringComparison.Ordinal)))
            .ShouldBe(PipelineStates.ModelLabels);
        bars.Single(r => r.Contains("▶happy", StringComparison.Ordinal)).ShouldContain("81 %");
        bars.Count(r => r.Contains("│▶", StringComparison.Ordinal)).ShouldBe(1);
        string.Join('\n', rows).ShouldContain("Stable  happy 81 %  since 0:12");
        string.Join('\n', rows).ShouldContain("Heard   happy 71 % at 0:12");
    }

    [Fact]
    public async Task Silence_keeps_the_last_speech_bars_and_says_so()
    {
        var pipeline = new TestPipeline(PipelineStates.Listening().Heard(PipelineStates.Speech(12, "sad", 0.7f), 0.75f));
        await using var ui = await Dashboards.StartAsync(pipeline);

        pipeline.Publish(s => s.Heard(PipelineStates.Silence(13), 0));
        var screen = ui.Advance(Redraw).Screen();

        screen.ShouldContain("Heard   silence (last speech 0:12)");
        screen.ShouldContain("Input    ○ silence");
        screen.ShouldContain("-48 dB");
        screen.ShouldContain("75 %"); // sad's bar is still there
    }

    [Fact]
    public async Task The_music_panel_shows_the_mood_what_plays_where_and_the_latency()
    {
        var pipeline = new TestPipeline(PipelineStates.Listening() with { Playback = new PlaybackState("spotify", null, null) });
        await using var ui = await Dashboards.StartAsync(pipeline);

        pipeline.Publish(s => s.Heard(PipelineStates.Speech(5, "happy", 0.8f), 0.8f).Playing("happy", "upbeat", "Here Comes the Sun", "Kitchen speaker"));
        var screen = ui.Advance(Redraw).Screen();

        screen.ShouldContain("Mood     upbeat");
        screen.ShouldContain("Playing  ▶ Here Comes the Sun");
        screen.ShouldContain("On       spotify · Kitchen speaker");
        screen.ShouldContain("Input    ● speech 93 %");
        screen.ShouldContain("-21 dB");
        screen.ShouldContain("Latency  p50 8 · p95 12.5 ms");
    }

    [Fact]
    public async Task The_music_panel_shows_how_far_calibration_adapted_to_the_voice()
    {
        var pipeline = new TestPipeline(PipelineStates.Listening());
        await using var ui = await Dashboards.StartAsync(pipeline);

        ui.Advance(Redraw).Screen().ShouldContain("Voice    —");
        pipeline.Publish(s => s with { Calibration = new CalibrationState(true, "alice", 1, 30, 0.75, 0, 0) });
        ui.Advance(Redraw).Screen().ShouldContain("Voice    75 % · 1.5 min · alice");
    }

    [Fact]
    public async Task A_waiting_change_says_what_it_waits_for()
    {
        var pipeline = new TestPipeline(PipelineStates.Busy());
        await using var ui = await Dashboards.StartAsync(pipeline);

        ui.Screen().ShouldContain("Waiting  sad → comforting: hold 1.2 s / dwell 6 s left");

        pipeline.Publish(s => s with { Pending = new PendingChange("sad", "comforting", 0, 2.5) });
        ui.Advance(Redraw).Screen().ShouldContain("Waiting  sad → comforting: dwell 2.5 s left");

        pipeline.Publish(s => s with { Pending = null });
        ui.Advance(Redraw).Screen().ShouldContain("Waiting  no change is waiting");
    }

    [Fact]
    public async Task The_listener_plane_shows_a_dash_until_the_affect_is_known_then_the_point_and_its_trail()
    {
        var pipeline = new TestPipeline();
        await using var ui = await Dashboards.StartAsync(pipeline);
        PlaneCells(ui).ShouldContain("—");

        pipeline.Publish(s => s.Heard(PipelineStates.Speech(1, "happy", 0.8f), 0.8f, new ListenerAffect(0.9f, 0.9f)));
        ui.Advance(Redraw);
        pipeline.Publish(s => s.Heard(PipelineStates.Speech(2, "sad", 0.8f), 0.8f, new ListenerAffect(-0.9f, -0.9f)));
        ui.Advance(Redraw);

        var plane = PlaneCells(ui);
        plane.ShouldNotContain("—");
        plane.ShouldContain("●");
        ui.Screen().ShouldContain("v -0.90  a -0.90");
        var rows = PlaneRows(ui);
        rows[^2].IndexOf('●', StringComparison.Ordinal).ShouldBeLessThan(3, "pleasantness −0.9, calm −0.9: bottom left");
        rows[0].TrimEnd().Length.ShouldBeGreaterThan(rows[0].Length - 3, "the earlier excited, pleasant point stays as a trail dot at the top right");
    }

    [Fact]
    public async Task The_timeline_lists_decisions_newest_first_with_the_reason_when_nothing_started()
    {
        var pipeline = new TestPipeline(PipelineStates.Listening());
        await using var ui = await Dashboards.StartAsync(pipeline);

        pipeline.Publish(s => s with
        {
            Timeline =
            [
                new DecisionEvent(7, "happy", "upbeat", 0.8f, "spotify:playlist:37i9dQZF1DXdPec7aLTmlC", "spotify", null),
                new DecisionEvent(31, "sad", "comforting", 0.74f, null, "spotify", "No active Spotify device; open Spotify and press d."),
            ],
        });
        var rows = ui.Advance(Redraw).Rows();

        var first = Array.FindIndex(rows, r => r.Contains("0:31  sad → comforting  74 %  ✗ No active Spotify device", StringComparison.Ordinal));
        var second = Array.FindIndex(rows, r => r.Contains("0:07  happy → upbeat  80 %  spotify:playlist:37i9dQZF1DXdPec7aLTmlC", StringComparison.Ordinal));
        first.ShouldBeGreaterThan(0);
        second.ShouldBe(first + 1);
    }

    [Fact]
    public async Task A_failed_pipeline_shows_why_it_stopped_and_an_ended_file_says_so()
    {
        var pipeline = new TestPipeline();
        await using var ui = await Dashboards.StartAsync(pipeline);

        pipeline.Publish(s => s with { Status = PipelineStatus.Failed, Error = "The microphone stopped delivering audio." });
        ui.Advance(Redraw).Rows()[0].ShouldStartWith("✗ Stopped: The microphone stopped delivering audio. — q quits");

        pipeline.Publish(s => s with { Status = PipelineStatus.Ended, Error = null });
        ui.Advance(Redraw).Rows()[0].ShouldStartWith("■ Input ended — demo.wav — q quits");
        ui.Advance(TimeSpan.FromMinutes(5));
        ui.Completion.IsCompleted.ShouldBeFalse("the dashboard stays until the user quits");
    }

    [Fact]
    public async Task Names_are_shown_literally_even_with_underscores()
    {
        var pipeline = new TestPipeline(PipelineStates.Busy() with { Warnings = [new PipelineWarning("player.failed", StatusSeverity.Warning, "Mood road_trip has no music.", 1)] });
        await using var ui = await Dashboards.StartAsync(pipeline);

        pipeline.Publish(s => s.Playing("happy", "road_trip", "_intro_"));
        var screen = ui.Advance(Redraw).Screen();

        screen.ShouldContain("Mood     road_trip");
        screen.ShouldContain("▶ _intro_");
        screen.ShouldContain("happy → road_trip");
        screen.ShouldContain("Mood road_trip has no music.");
    }

    [Fact]
    public async Task New_states_are_drawn_at_most_four_times_a_second_and_an_idle_dashboard_draws_nothing()
    {
        var pipeline = new TestPipeline();
        await using var ui = await Dashboards.StartAsync(pipeline);
        ui.Advance(Redraw);
        var draws = 0;
        ui.On(() => ui.App.LayoutAndDrawComplete += (_, _) => draws++);

        for (var i = 0; i < 100; i++)
        {
            ui.Screen(); // many loop iterations, no time passing, no new state
        }

        draws.ShouldBe(0, "a dashboard on a static state draws nothing");

        pipeline.Publish(s => s with { Mood = "upbeat" });
        ui.Screen().ShouldContain("Mood     —", Case.Sensitive, "the new state waits for the redraw tick");
        ui.Advance(TimeSpan.FromMilliseconds(200)).Screen().ShouldContain("Mood     —");
        ui.Advance(TimeSpan.FromMilliseconds(50)).Screen().ShouldContain("Mood     upbeat");
        draws.ShouldBeGreaterThan(0);

        // A burst of 40 states within one second is drawn in at most 4 redraws.
        var before = draws;
        for (var i = 1; i <= 40; i++)
        {
            pipeline.Publish(s => s with { T = s.T + 0.025 });
            ui.Advance(TimeSpan.FromMilliseconds(25));
        }

        (draws - before).ShouldBeLessThanOrEqualTo(4);
        ui.Screen().ShouldContain("t 0:01");
    }

    [Theory]
    [InlineData(110, 34)]
    [InlineData(80, 24)]
    public async Task Everything_fits_the_terminal_and_follows_a_resize(int width, int height)
    {
        var pipeline = new TestPipeline(PipelineStates.Busy());
        await using var ui = await Dashboards.StartAsync(pipeline, width: width, height: height);

        var rows = ui.Rows();
        output.WriteLine($"{width}×{height}:\n{string.Join('\n', rows)}");
        AssertWholeDashboard(rows, width, height);

        ui.Resize(height == 24 ? 110 : 80, height == 24 ? 34 : 24);
        var resized = ui.Rows();
        AssertWholeDashboard(resized, height == 24 ? 110 : 80, height == 24 ? 34 : 24);
    }

    [Fact]
    public async Task Without_colour_nothing_is_drawn_in_colour_and_the_pause_is_reverse_video()
    {
        var pipeline = new TestPipeline(PipelineStates.Busy() with { Status = PipelineStatus.Paused });
        await using var mono = await Dashboards.StartAsync(pipeline, noColor: true);
        await using var color = await Dashboards.StartAsync(new TestPipeline(PipelineStates.Busy()));

        var ansi = mono.Ansi();
        ansi.ShouldNotMatch(@"\u001b\[[0-9;]*(?<!\d)(3[0-8]|4[0-8]|9[0-7]|10[0-7])(;|m)", "no foreground or background colour codes (39/49, the terminal's own colours, are fine)");
        ansi.ShouldMatch(@"\u001b\[[0-9;]*7[0-9;]*m‖ LISTENING PAUSED");
        color.Ansi().ShouldMatch(@"\u001b\[[0-9;]*(38;2|3[0-7]|9[0-7])[;m]");
    }

    private static void AssertWholeDashboard(string[] rows, int width, int height)
    {
        var screen = string.Join('\n', rows);
        rows.Length.ShouldBeGreaterThanOrEqualTo(height);
        rows.Take(height).ShouldAllBe(r => r.Length <= width);
        foreach (var part in new[] { "Listening", "Emotion", "Music", "Listener", "Stable  happy 81 %", "▶happy", "Mood     upbeat", "Playing  ▶ Morning Song",
            "Latency  p50 8", "Waiting  sad → comforting: hold 1.2 s / dwell 6 s left", "microphone.missing", "0:12  happy → upbeat", "Pause listening", "Quit" })
        {
            screen.ShouldContain(part);
        }

        rows[height - 1].ShouldContain("Mapping");
    }

    private static string PlaneCells(HeadlessTerminal ui) => string.Join('\n', PlaneRows(ui));

    /// <summary>The plane's rows (inside the "Listener" frame, under the title row).</summary>
    private static string[] PlaneRows(HeadlessTerminal ui)
    {
        var rows = ui.Rows();
        var title = ui.Find("Listener");
        var left = rows[title.Y].LastIndexOf('╭', title.X) + 1;
        var right = rows[title.Y].IndexOf('╮', title.X);
        return [.. rows.Skip(title.Y + 1).Take(8).Select(r => r[left..right])];
    }
}
