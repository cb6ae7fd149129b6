using OrpheusLive.Core.Pipeline;
using OrpheusLive.Core.Playback;
using OrpheusLive.Tui.Dashboard;
using OrpheusLive.Tui.Tests.Fakes;

namespace OrpheusLive.Tui.Tests;

public sealed class DashboardViewModelTests
{
    private readonly ManualTimeProvider _time = new();

    private DashboardViewModel Create() => new("console", _time);

    [Fact]
    public void Before_any_event_it_waits_for_audio()
    {
        var view = Create().Build();

        view.State.ShouldBe(DashboardState.Starting);
        view.BarsCaption.ShouldBe("waiting for audio…");
        view.Bars.ShouldBeEmpty();
        view.StableEmotion.ShouldBe("—");
        view.Mood.ShouldBe("—");
        view.Playing.ShouldBe("nothing yet");
        view.Latency.ShouldBe("—");
        view.LevelText.ShouldBe("—");
        view.Warnings.ShouldBeEmpty();
        view.Keys.Select(k => $"{k.Key}:{k.Label}").ShouldBe(["p:pause", "n:skip", "d:device", "m:mapping", "t:timeline", "q:quit"]);
    }

    [Fact]
    public void A_speech_window_gives_bars_in_model_order_with_the_top_one_marked()
    {
        var vm = Create();

        vm.Apply(Events.Speech(3.0, "happy", 0.62f, levelDbfs: -23.44f));
        var view = vm.Build();

        view.State.ShouldBe(DashboardState.Listening);
        view.BarsCaption.ShouldBe("window at 0:03");
        view.Bars.Select(b => b.Label).ShouldBe(["neutral", "calm", "happy", "sad", "angry", "fearful", "disgust", "surprised"]);
        var happy = view.Bars.Single(b => b.IsTop);
        happy.Label.ShouldBe("happy");
        happy.Percent.ShouldBe("62%");
        happy.Fraction.ShouldBe(0.62, 1e-6);
        view.Bars.Where(b => !b.IsTop).ShouldAllBe(b => b.Percent == "5%");
        view.Speech.ShouldBe("speech (80% of window)");
        view.LevelText.ShouldBe("-23.4 dBFS");
        view.LevelFraction.ShouldBe((60 - 23.44) / 60, 1e-4);
    }

    [Fact]
    public void Silence_keeps_the_last_speech_bars_and_says_so()
    {
        var vm = Create();
        vm.Apply(Events.Speech(3.0, "sad", 0.7f));

        vm.Apply(Events.Silence(4.0, levelDbfs: -120f));
        var view = vm.Build();

        view.BarsCaption.ShouldBe("silence — last speech at 0:03");
        view.Bars.Single(b => b.IsTop).Label.ShouldBe("sad");
        view.Speech.ShouldBe("silence");
        view.LevelText.ShouldBe("silent");
        view.LevelFraction.ShouldBe(0);
    }

    [Fact]
    public void Silence_before_any_speech_shows_no_bars()
    {
        var vm = Create();

        vm.Apply(Events.Silence(1.0));

        vm.Build().BarsCaption.ShouldBe("silence — no speech yet");
        vm.Build().Bars.ShouldBeEmpty();
    }

    [Fact]
    public void The_timeline_merges_runs_and_lists_decisions_and_status()
    {
        var vm = Create();
        vm.Apply(Events.Speech(3, "happy", 0.7f));
        vm.Apply(Events.Speech(4, "happy", 0.9f));
        vm.Apply(new DecisionEvent(4, "happy", "upbeat", 0.8f, "spotify:playlist:37i9dQZF1DXdPec7aLTmlC", "console", null));
        vm.Apply(Events.Speech(5, "happy", 0.8f));
        vm.Apply(Events.Silence(6));
        vm.Apply(Events.Silence(7));
        vm.Apply(Events.Speech(8, "sad", 0.75f));
        vm.Apply(new StatusEvent(8, StatusSeverity.Info, "Spotify is reachable again"));

        var lines = vm.Build().Timeline.Select(l => $"{l.Time} {l.Text} [{l.Kind}]").ToList();

        lines.ShouldBe([
            "0:03-0:04 happy ×2 (avg 80%) [Emotion]",
            "0:04 ♪ happy → upbeat → spotify:playlist:37i9dQZF1DXdPec7aLTmlC [Decision]",
            "0:05 happy 80% [Emotion]",
            "0:06-0:07 silence ×2 [Silence]",
            "0:08 sad 75% [Emotion]",
            "0:08 Spotify is reachable again [Status]",
        ]);
    }

    [Fact]
    public void The_timeline_keeps_only_the_most_recent_entries()
    {
        var vm = Create();
        for (var i = 0; i < DashboardViewModel.TimelineCapacity + 10; i++)
        {
            vm.Apply(i % 2 == 0 ? Events.Speech(i, "happy", 0.8f) : Events.Speech(i, "sad", 0.8f));
        }

        var timeline = vm.Build().Timeline;
        timeline.Count.ShouldBe(DashboardViewModel.TimelineCapacity);
        timeline[^1].Time.ShouldBe("0:49");
    }

    [Fact]
    public void Latency_percentiles_cover_recent_speech_windows_only()
    {
        var vm = Create();
        for (var i = 1; i <= 20; i++)
        {
            vm.Apply(Events.Speech(i, "calm", 0.8f, latencyMs: i));
            vm.Apply(Events.Silence(i + 0.5, latencyMs: 1000)); // the model did not run: not inference latency
        }

        vm.Build().Latency.ShouldBe("p50 10.0 ms  p95 19.0 ms");
    }

    [Fact]
    public void Latency_percentiles_roll_over_the_last_windows()
    {
        var vm = Create();
        for (var i = 0; i < DashboardViewModel.LatencyWindows; i++)
        {
            vm.Apply(Events.Speech(i, "calm", 0.8f, latencyMs: 100));
        }

        for (var i = 0; i < DashboardViewModel.LatencyWindows; i++)
        {
            vm.Apply(Events.Speech(100 + i, "calm", 0.8f, latencyMs: 2));
        }

        vm.Build().Latency.ShouldBe("p50 2.0 ms  p95 2.0 ms");
    }

    [Fact]
    public void Snapshot_gives_the_stable_emotion_mood_and_what_plays_where()
    {
        var vm = Create();
        var playing = new NowPlaying("upbeat", "spotify:playlist:x", "Happy Hits", "Kitchen speaker", false);

        vm.ApplySnapshot(LiveSnapshot.Empty with { Emotion = "happy", Confidence = 0.816f, Mood = "upbeat", Input = "demo.wav" }, playing);
        var view = vm.Build();

        view.StableEmotion.ShouldBe("happy 82%");
        view.Mood.ShouldBe("upbeat");
        view.Playing.ShouldBe("Happy Hits");
        view.Device.ShouldBe("Kitchen speaker (console)");
        view.Input.ShouldBe("demo.wav");

        vm.ApplySnapshot(LiveSnapshot.Empty, playing with { Title = null, Device = null, IsPaused = true });
        vm.Build().Playing.ShouldBe("spotify:playlist:x (paused)");
        vm.Build().Device.ShouldBe("console player");
    }

    [Fact]
    public void Warnings_come_from_status_events_decisions_and_the_snapshot()
    {
        var vm = Create();
        vm.ApplySnapshot(LiveSnapshot.Empty with { Warnings = ["No microphone — playing the demo input"] }, null);
        vm.Apply(new StatusEvent(1, StatusSeverity.Info, "all good"));
        vm.Apply(new StatusEvent(2, StatusSeverity.Error, "The model file is missing"));
        vm.Apply(new DecisionEvent(3, "sad", "comforting", 0.8f, null, "spotify", "Not logged in to Spotify; run 'orpheus login'."));

        var warnings = vm.Build().Warnings;

        warnings.Select(w => (w.Severity, w.Text)).ShouldBe([
            (StatusSeverity.Warning, "No microphone — playing the demo input"),
            (StatusSeverity.Error, "The model file is missing"),
            (StatusSeverity.Warning, "Not logged in to Spotify; run 'orpheus login'."),
        ]);
        vm.Build().Playing.ShouldBe("nothing (see warning)");
    }

    [Fact]
    public void A_player_failure_warning_clears_when_music_starts_even_though_the_snapshot_keeps_it()
    {
        var vm = Create();
        const string failure = "No active Spotify device; open Spotify somewhere.";
        vm.Apply(new DecisionEvent(3, "sad", "comforting", 0.8f, null, "spotify", failure));
        vm.Apply(new StatusEvent(3, StatusSeverity.Warning, failure)); // ListenSession reports it too
        vm.ApplySnapshot(LiveSnapshot.Empty with { Warnings = [failure] }, null);
        vm.Build().Warnings.Count.ShouldBe(1);

        vm.Apply(new DecisionEvent(20, "happy", "upbeat", 0.8f, "spotify:playlist:37i9dQZF1DXdPec7aLTmlC", "spotify", null));

        vm.Build().Warnings.ShouldBeEmpty();

        vm.Apply(new DecisionEvent(40, "sad", "comforting", 0.8f, null, "spotify", failure));
        vm.Build().Warnings.Single().Text.ShouldBe(failure);
    }

    [Fact]
    public void At_most_the_newest_warnings_are_shown_without_duplicates()
    {
        var vm = Create();
        vm.AddWarning("one");
        vm.AddWarning("two");
        vm.AddWarning("three");
        vm.AddWarning("one");
        vm.AddWarning("four");

        vm.Build().Warnings.Select(w => w.Text).ShouldBe(["three", "one", "four"]);
    }

    [Fact]
    public void Pause_and_end_of_input_change_the_state_and_key_hints()
    {
        var vm = Create();
        vm.Apply(Events.Speech(3, "calm", 0.8f));

        vm.SetPaused(true);
        vm.Build().State.ShouldBe(DashboardState.Paused);
        vm.Build().StateText.ShouldBe("paused — press p to resume");
        vm.Build().Keys[0].Label.ShouldBe("resume");

        vm.SetPaused(false);
        vm.Build().State.ShouldBe(DashboardState.Listening);

        vm.MarkInputEnded();
        vm.SetPaused(true);
        vm.Build().State.ShouldBe(DashboardState.InputEnded);
        vm.Build().StateText.ShouldBe("input ended — press q to quit");
    }

    [Fact]
    public void A_stopped_pipeline_shows_its_reason_as_an_error()
    {
        var vm = Create();

        vm.MarkStopped("The microphone was unplugged");

        var view = vm.Build();
        view.State.ShouldBe(DashboardState.Stopped);
        view.StateText.ShouldBe("stopped: The microphone was unplugged — press q to quit");
        view.Warnings.Single().ShouldBe(new WarningLine(StatusSeverity.Error, "The microphone was unplugged"));
    }

    [Fact]
    public void Notices_expire_on_the_injected_clock()
    {
        var vm = Create();
        vm.ShowNotice("Skipped to the next track.", TimeSpan.FromSeconds(2));
        var version = vm.Version;
        vm.Build().Notice.ShouldBe("Skipped to the next track.");

        _time.Advance(TimeSpan.FromSeconds(1));
        vm.Tick();
        vm.Version.ShouldBe(version);
        vm.Build().Notice.ShouldNotBeNull();

        _time.Advance(TimeSpan.FromSeconds(1.5));
        vm.Tick();
        vm.Version.ShouldNotBe(version);
        vm.Build().Notice.ShouldBeNull();
    }

    [Fact]
    public void The_timeline_toggles_and_every_change_bumps_the_version()
    {
        var vm = Create();
        var v0 = vm.Version;

        vm.ToggleTimeline().ShouldBeFalse();
        vm.Build().TimelineVisible.ShouldBeFalse();
        vm.Version.ShouldBeGreaterThan(v0);

        var v1 = vm.Version;
        vm.Apply(Events.Silence(1));
        vm.Version.ShouldBeGreaterThan(v1);

        var v2 = vm.Version;
        var snapshot = LiveSnapshot.Empty with { Mood = "chill" };
        vm.ApplySnapshot(snapshot, null);
        vm.Version.ShouldBeGreaterThan(v2);
        var v3 = vm.Version;
        vm.ApplySnapshot(snapshot, null);
        vm.Version.ShouldBe(v3); // the same snapshot again: nothing to redraw
    }

    [Fact]
    public void Events_from_many_threads_are_folded_safely()
    {
        var vm = Create();

        Parallel.For(0, 2000, i => vm.Apply(Events.Speech(i, i % 3 == 0 ? "happy" : "sad", 0.8f, latencyMs: i % 10)));

        vm.Build().Timeline.Count.ShouldBeLessThanOrEqualTo(DashboardViewModel.TimelineCapacity);
        vm.Build().Latency.ShouldStartWith("p50 ");
    }
}
