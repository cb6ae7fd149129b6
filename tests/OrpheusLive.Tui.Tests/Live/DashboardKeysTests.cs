using OrpheusLive.Core.Pipeline;
using OrpheusLive.Core.Pipeline.State;
using OrpheusLive.Tui.Devices;
using OrpheusLive.Tui.Hosting;
using OrpheusLive.Tui.Live;
using OrpheusLive.Tui.Tests.Fakes;
using OrpheusLive.Tui.Tests.Harness;
using Terminal.Gui.Input;

namespace OrpheusLive.Tui.Tests.Live;

/// <summary>The dashboard's keys and mouse: each goes to the pipeline contract once, and the screen tells what happened.</summary>
public sealed class DashboardKeysTests
{
    private static readonly TimeSpan Redraw = TimeSpan.FromMilliseconds(250);

    [Fact]
    public async Task P_pauses_listening_and_says_so_prominently_and_p_again_resumes()
    {
        var pipeline = new TestPipeline(PipelineStates.Busy());
        await using var ui = await Dashboards.StartAsync(pipeline);

        ui.Press(Key.P).Advance(Redraw);

        pipeline.Calls.ShouldBe(["pause-listening"]);
        var rows = ui.Rows();
        rows[0].ShouldStartWith("‖ LISTENING PAUSED — p resumes; the music stays as it is");
        rows[^2].ShouldContain("Resume listening");

        ui.Press(Key.P.WithShift).Advance(Redraw); // caps lock or shift: the same key

        pipeline.Calls.ShouldBe(["pause-listening", "resume-listening"]);
        ui.Rows()[0].ShouldStartWith("● Listening — demo.wav");
    }

    [Fact]
    public async Task An_ended_input_has_nothing_to_pause()
    {
        var pipeline = new TestPipeline(PipelineStates.Busy() with { Status = PipelineStatus.Ended });
        await using var ui = await Dashboards.StartAsync(pipeline);

        ui.Press(Key.P);

        pipeline.Calls.ShouldBeEmpty();
        ui.Screen().ShouldContain("The input has ended; there is nothing to pause.");
    }

    [Fact]
    public async Task Space_pauses_and_resumes_the_music_even_when_a_list_has_the_focus()
    {
        var pipeline = new TestPipeline(PipelineStates.Busy());
        await using var ui = await Dashboards.StartAsync(pipeline);
        ui.Press(Key.Tab); // focus moves between the warnings and the timeline lists: Space must not mark an item

        ui.Press(Key.Space).WaitUntil(() => pipeline.CountOf("pause-music") == 1, "the pause");
        var paused = ui.Advance(Redraw).Screen();

        paused.ShouldContain("Playing  ‖ Morning Song (paused)");
        paused.ShouldContain("Resume music");
        ui.Press(Key.Space).WaitUntil(() => pipeline.CountOf("resume-music") == 1, "the resume");
        ui.Advance(Redraw).Screen().ShouldContain("Playing  ▶ Morning Song");
        pipeline.Calls.ShouldBe(["pause-music", "resume-music"]);
    }

    [Fact]
    public async Task Without_music_space_and_n_say_nothing_plays_yet()
    {
        var pipeline = new TestPipeline(PipelineStates.Listening());
        await using var ui = await Dashboards.StartAsync(pipeline);

        ui.Press(Key.Space).Screen().ShouldContain("Nothing is playing yet.");
        ui.Press(Key.N);

        pipeline.Calls.ShouldBeEmpty();
    }

    [Fact]
    public async Task N_skips_once_and_the_notice_expires_on_the_ui_clock()
    {
        var pipeline = new TestPipeline(PipelineStates.Busy());
        await using var ui = await Dashboards.StartAsync(pipeline);

        ui.Press(Key.N);
        ui.WaitFor(s => s.Contains("Skipped to the next track.", StringComparison.Ordinal), "the skip confirmed");
        ui.Advance(Redraw).Screen().ShouldContain("Playing  ▶ next track");
        pipeline.CountOf("skip").ShouldBe(1);

        ui.Advance(TimeSpan.FromSeconds(5)).Screen().ShouldContain("Skipped to the next track.");
        ui.Advance(TimeSpan.FromSeconds(1)).Screen().ShouldNotContain("Skipped");
        ui.Rows()[0].ShouldEndWith("t 0:14");
    }

    [Fact]
    public async Task A_failed_control_becomes_a_notice_and_the_dashboard_keeps_running()
    {
        var pipeline = new TestPipeline(PipelineStates.Busy()) { ControlFailure = new InvalidOperationException("the player is gone") };
        await using var ui = await Dashboards.StartAsync(pipeline);

        ui.Press(Key.N);

        ui.WaitFor(s => s.Contains("Could not skip the track: the player is gone", StringComparison.Ordinal), "the failure");
        ui.Completion.IsCompleted.ShouldBeFalse();
    }

    [Fact]
    public async Task X_and_a_double_click_dismiss_the_selected_warning_by_its_id()
    {
        var pipeline = new TestPipeline(PipelineStates.Busy() with
        {
            Warnings =
            [
                new PipelineWarning(WarningIds.MicrophoneMissing, StatusSeverity.Warning, "No microphone — playing the demo input.", 0),
                new PipelineWarning(WarningIds.PlayerFailed, StatusSeverity.Error, "Spotify refused to play: no active device.", 3),
            ],
        });
        await using var ui = await Dashboards.StartAsync(pipeline);
        ui.Screen().ShouldContain("✗ player.failed  Spotify refused to play: no active device.");

        var second = ui.Find("player.failed");
        ui.Click(second.X, second.Y).Press(Key.X).Advance(Redraw);

        pipeline.Calls.ShouldBe([$"dismiss:{WarningIds.PlayerFailed}"]);
        ui.Screen().ShouldNotContain("player.failed");

        var first = ui.Find("microphone.missing");
        ui.Click(first.X, first.Y, twice: true).Advance(Redraw);

        pipeline.Calls.ShouldBe([$"dismiss:{WarningIds.PlayerFailed}", $"dismiss:{WarningIds.MicrophoneMissing}"]);
        ui.Screen().ShouldNotContain("Warnings");
    }

    [Fact]
    public async Task The_status_bar_shows_the_keys_and_a_click_on_one_works_like_the_key()
    {
        var pipeline = new TestPipeline(PipelineStates.Busy());
        await using var ui = await Dashboards.StartAsync(pipeline);
        var bar = ui.Rows()[^2];
        foreach (var hint in new[] { "p  Pause listening", "Space  Pause music", "n  Skip", "m  Mapping", "l  Library", "q  Quit" })
        {
            bar.ShouldContain(hint);
        }

        bar.ShouldNotContain("Device", Case.Sensitive, "the local player has no devices to pick");

        var skip = ui.Find("Skip");
        ui.Click(skip.X, skip.Y);

        ui.WaitFor(s => s.Contains("Skipped to the next track.", StringComparison.Ordinal), "the click's skip");
        pipeline.CountOf("skip").ShouldBe(1);
    }

    [Fact]
    public async Task D_picks_a_spotify_device_and_moves_the_music_there()
    {
        var devices = new TestDevices(new PlaybackDevice("a1", "Laptop (Computer)", IsActive: true), new PlaybackDevice("b2", "Kitchen (Speaker)", IsActive: false));
        var pipeline = new TestPipeline(PipelineStates.Busy());
        await using var ui = await Dashboards.StartAsync(pipeline, devices: devices);
        ui.Rows()[^2].ShouldContain("d  Device");

        ui.Press(Key.D);
        ui.WaitFor(s => s.Contains("Kitchen (Speaker)", StringComparison.Ordinal) && s.Contains("Laptop (Computer) (playing now)", StringComparison.Ordinal), "the devices");
        ui.Press(Key.CursorDown).Press(Key.Enter);

        ui.WaitFor(s => s.Contains("Playing on Kitchen (Speaker).", StringComparison.Ordinal), "the move confirmed");
        devices.Selected.ShouldBe([new PlaybackDevice("b2", "Kitchen (Speaker)", false)]);
    }

    [Fact]
    public async Task Esc_in_the_device_dialog_goes_back_without_moving_anything()
    {
        var devices = new TestDevices(new PlaybackDevice("a1", "Laptop", IsActive: true));
        await using var ui = await Dashboards.StartAsync(new TestPipeline(PipelineStates.Busy()), devices: devices);

        ui.Press(Key.D);
        ui.WaitFor(s => s.Contains("Laptop (playing now)", StringComparison.Ordinal), "the devices");
        ui.Press(Key.Esc);

        ui.Screen().ShouldNotContain("Play music on which device?");
        devices.Selected.ShouldBeEmpty();
        ui.Completion.IsCompleted.ShouldBeFalse();
    }

    [Fact]
    public async Task D_without_a_device_capable_player_explains_why()
    {
        await using var ui = await Dashboards.StartAsync(new TestPipeline(PipelineStates.Busy()));

        ui.Press(Key.D).Screen().ShouldContain("Device selection is available with the Spotify player.");
    }

    [Fact]
    public async Task M_opens_the_mapping_editor_esc_returns_and_another_esc_does_not_quit()
    {
        var pipeline = new TestPipeline(PipelineStates.Busy());
        await using var ui = await Dashboards.StartAsync(pipeline);

        ui.Press(Key.M).Screen().ShouldContain("Mapping editor");
        ui.Press(Key.P); // typed into the editor, not a dashboard key
        pipeline.Calls.ShouldBeEmpty();

        ui.Press(Key.Esc);
        ui.Screen().ShouldContain("Mapping unchanged.");
        ui.Press(Key.Esc);

        ui.Completion.IsCompleted.ShouldBeFalse();
        ui.Screen().ShouldContain("Stable  happy 81 %");
    }

    [Fact]
    public async Task A_mapping_saved_elsewhere_is_announced()
    {
        var moods = new InMemoryMoodMapStore(InMemoryMoodMapStore.DefaultMap());
        await using var ui = await Dashboards.StartAsync(new TestPipeline(PipelineStates.Busy()), moods);

        await moods.SaveAsync(moods.Current, TestContext.Current.CancellationToken);

        ui.WaitFor(s => s.Contains("Mapping updated; it is used from the next decision.", StringComparison.Ordinal), "the notice");
    }

    [Fact]
    public async Task Q_quits_and_the_dashboard_lets_go_of_the_pipeline()
    {
        var pipeline = new TestPipeline(PipelineStates.Busy());
        var ui = await Dashboards.StartAsync(pipeline);

        ui.Press(Key.Q);

        await ui.ClosedAsync();
        pipeline.HasObservers.ShouldBeFalse();
        pipeline.Calls.ShouldBeEmpty();
    }

    [Fact]
    public async Task Ctrl_c_quits_even_from_inside_the_editor()
    {
        var ui = await Dashboards.StartAsync(new TestPipeline(PipelineStates.Busy()));
        ui.Press(Key.M).Screen().ShouldContain("Mapping editor");

        ui.Press(Key.C.WithCtrl);

        await ui.ClosedAsync();
    }

    [Fact]
    public async Task The_hosts_cancellation_closes_the_dashboard()
    {
        using var stop = new CancellationTokenSource();
        var pipeline = new TestPipeline(PipelineStates.Busy());
        var ui = await HeadlessTerminal.StartAsync(options => TerminalDashboard.RunAsync(pipeline, new InMemoryMoodMapStore(InMemoryMoodMapStore.DefaultMap()), null,
            new DashboardOptions { Terminal = options }, stop.Token));
        ui.Press(Key.D); // a notice, the dashboard is up

        await stop.CancelAsync();

        await ui.ClosedAsync();
        pipeline.HasObservers.ShouldBeFalse();
    }

    [Fact]
    public async Task A_crash_in_the_ui_ends_the_run_with_the_error_and_the_terminal_is_released()
    {
        var pipeline = new TestPipeline(PipelineStates.Busy());
        var ui = await Dashboards.StartAsync(pipeline);

        ui.On(() => ui.App.AddTimeout(TimeSpan.Zero, () => throw new InvalidOperationException("drawing failed")));

        var failure = await Should.ThrowAsync<InvalidOperationException>(ui.ClosedAsync());
        failure.Message.ShouldBe("drawing failed");
        ui.App.Initialized.ShouldBeFalse("the application was disposed: raw mode, mouse and the alternate screen are given back");
    }
}
