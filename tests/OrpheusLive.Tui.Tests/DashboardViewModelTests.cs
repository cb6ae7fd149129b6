using Microsoft.Extensions.Time.Testing;
using OrpheusLive.Core.Pipeline;
using OrpheusLive.Core.Pipeline.State;
using OrpheusLive.Core.Playback;
using OrpheusLive.Tui.Dashboard;
using OrpheusLive.Tui.Tests.Fakes;

namespace OrpheusLive.Tui.Tests;

/// <summary>The view model words the pipeline's state; states are made from events by the pipeline's own reducer.</summary>
public sealed class DashboardViewModelTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly DashboardViewModel _vm;
    private PipelineState _state = PipelineState.Initial;

    public DashboardViewModelTests()
    {
        _vm = new DashboardViewModel(_time);
        Feed(new PipelineStarted(0, "demo.wav", false, "console"));
    }

    private DashboardView Feed(params PipelineEvent[] events)
    {
        foreach (var e in events)
        {
            _state = PipelineStateReducer.Apply(_state, e);
        }

        _vm.Apply(_state);
        return _vm.Build();
    }

    [Fact]
    public void Before_any_audio_it_waits_for_audio()
    {
        var view = new DashboardViewModel(_time).Build();

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
        var view = Feed(Events.Speech(3.0, "happy", 0.62f, levelDbfs: -23.44f));

        view.State.ShouldBe(DashboardState.Listening);
        view.Input.ShouldBe("demo.wav");
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
        view.StableEmotion.ShouldBe("listening…", "speech was heard but no emotion is settled yet");
    }

    [Fact]
    public void Silence_keeps_the_last_speech_bars_and_says_so()
    {
        Feed(Events.Speech(3.0, "sad", 0.7f));

        var view = Feed(Events.Silence(4.0, levelDbfs: -120f));

        view.BarsCaption.ShouldBe("silence — last speech at 0:03");
        view.Bars.Single(b => b.IsTop).Label.ShouldBe("sad");
        view.Speech.ShouldBe("silence");
        view.LevelText.ShouldBe("silent");
        view.LevelFraction.ShouldBe(0);
    }

    [Fact]
    public void Silence_before_any_speech_shows_no_bars()
    {
        var view = Feed(Events.Silence(1.0));

        view.BarsCaption.ShouldBe("silence — no speech yet");
        view.Bars.ShouldBeEmpty();
    }

    [Fact]
    public void The_timeline_lists_the_music_decisions_of_the_state()
    {
        var view = Feed(
            Events.Speech(3, "happy", 0.7f),
            new DecisionEvent(4, "happy", "upbeat", 0.8f, "spotify:playlist:37i9dQZF1DXdPec7aLTmlC", "console", null),
            Events.Silence(6),
            new DecisionEvent(75, "sad", "comforting", 0.8f, null, "spotify", "No active device."));

        view.Timeline.Select(l => $"{l.Time} {l.Text} [{l.Kind}]").ShouldBe([
            "0:04 ♪ happy → upbeat → spotify:playlist:37i9dQZF1DXdPec7aLTmlC [Decision]",
            "1:15 ♪ sad → comforting: No active device. [Decision]",
        ]);
    }

    [Fact]
    public void Latency_shows_the_states_percentiles_over_speech_windows()
    {
        for (var i = 1; i <= 20; i++)
        {
            Feed(Events.Speech(i, "calm", 0.8f, latencyMs: i), Events.Silence(i + 0.5, latencyMs: 1000));
        }

        _vm.Build().Latency.ShouldBe("p50 10.0 ms  p95 19.0 ms");
    }

    [Fact]
    public void The_stable_emotion_mood_and_what_plays_where_come_from_the_state()
    {
        var playing = new NowPlaying("upbeat", "spotify:playlist:x", "Happy Hits", "Kitchen speaker", false);

        var view = Feed(
            new BeliefChanged(5, new StableEmotion("happy", 0.816f, 5), [new("happy", 0.816f)], null),
            new DecisionEvent(5, "happy", "upbeat", 0.8f, "spotify:playlist:x", "console", null),
            new PlaybackChanged(5, new PlaybackState("console", null, playing)));

        view.StableEmotion.ShouldBe("happy 82%");
        view.Mood.ShouldBe("upbeat");
        view.Playing.ShouldBe("Happy Hits");
        view.Device.ShouldBe("Kitchen speaker (console)");

        view = Feed(new PlaybackChanged(6, new PlaybackState("console", null, playing with { Title = null, Device = null, IsPaused = true })));
        view.Playing.ShouldBe("spotify:playlist:x (paused)");
        view.Device.ShouldBe("console player");
    }

    [Fact]
    public void Warnings_are_the_states_warnings_plus_the_dashboards_own()
    {
        var view = Feed(
            new StatusEvent(0, WarningIds.MicrophoneMissing, StatusSeverity.Warning, "No microphone — playing the demo input"),
            new StatusEvent(1, "spotify.reachable", StatusSeverity.Info, "all good"),
            new DecisionEvent(3, "sad", "comforting", 0.8f, null, "spotify", "Not logged in to Spotify; run 'orpheus login'."),
            new StatusEvent(3, WarningIds.PlayerFailed, StatusSeverity.Warning, "Not logged in to Spotify; run 'orpheus login'."));
        _vm.AddWarning("Could not skip the track: 403", StatusSeverity.Error);

        _vm.Build().Warnings.Select(w => (w.Severity, w.Text)).ShouldBe([
            (StatusSeverity.Warning, "No microphone — playing the demo input"),
            (StatusSeverity.Warning, "Not logged in to Spotify; run 'orpheus login'."),
            (StatusSeverity.Error, "Could not skip the track: 403"),
        ]);
        view.Playing.ShouldBe("nothing (see warning)");
    }

    [Fact]
    public void A_player_failure_warning_clears_when_music_starts()
    {
        const string failure = "No active Spotify device; open Spotify somewhere.";
        Feed(new DecisionEvent(3, "sad", "comforting", 0.8f, null, "spotify", failure),
            new StatusEvent(3, WarningIds.PlayerFailed, StatusSeverity.Warning, failure)).Warnings.Count.ShouldBe(1);

        Feed(new DecisionEvent(20, "happy", "upbeat", 0.8f, "spotify:playlist:37i9dQZF1DXdPec7aLTmlC", "spotify", null)).Warnings.ShouldBeEmpty();

        Feed(new DecisionEvent(40, "sad", "comforting", 0.8f, null, "spotify", failure),
            new StatusEvent(40, WarningIds.PlayerFailed, StatusSeverity.Warning, failure)).Warnings.Single().Text.ShouldBe(failure);
    }

    [Fact]
    public void At_most_the_newest_warnings_are_shown_without_duplicates()
    {
        _vm.AddWarning("one");
        _vm.AddWarning("two");
        _vm.AddWarning("three");
        _vm.AddWarning("one");
        _vm.AddWarning("four");

        _vm.Build().Warnings.Select(w => w.Text).ShouldBe(["three", "one", "four"]);
    }

    [Fact]
    public void Pause_and_end_of_input_change_the_state_and_key_hints()
    {
        Feed(Events.Speech(3, "calm", 0.8f));

        var view = Feed(new ListeningToggled(3, Paused: true));
        view.State.ShouldBe(DashboardState.Paused);
        view.StateText.ShouldBe("paused — press p to resume");
        view.Keys[0].Label.ShouldBe("resume");

        Feed(new ListeningToggled(3, Paused: false)).State.ShouldBe(DashboardState.Listening);

        view = Feed(new PipelineStopped(10, PipelineStatus.Ended, null), new ListeningToggled(10, Paused: true));
        view.State.ShouldBe(DashboardState.InputEnded);
        view.StateText.ShouldBe("input ended — press q to quit");
    }

    [Fact]
    public void A_failed_pipeline_shows_its_reason_as_an_error()
    {
        var view = Feed(
            new StatusEvent(4, WarningIds.InputFailed, StatusSeverity.Error, "The microphone was unplugged"),
            new PipelineStopped(4, PipelineStatus.Failed, "The microphone was unplugged"));

        view.State.ShouldBe(DashboardState.Stopped);
        view.StateText.ShouldBe("stopped: The microphone was unplugged — press q to quit");
        view.Warnings.Single().ShouldBe(new WarningLine(StatusSeverity.Error, "The microphone was unplugged"));
    }

    [Fact]
    public void Notices_expire_on_the_injected_clock()
    {
        _vm.ShowNotice("Skipped to the next track.", TimeSpan.FromSeconds(2));
        var version = _vm.Version;
        _vm.Build().Notice.ShouldBe("Skipped to the next track.");

        _time.Advance(TimeSpan.FromSeconds(1));
        _vm.Tick();
        _vm.Version.ShouldBe(version);
        _vm.Build().Notice.ShouldNotBeNull();

        _time.Advance(TimeSpan.FromSeconds(1.5));
        _vm.Tick();
        _vm.Version.ShouldNotBe(version);
        _vm.Build().Notice.ShouldBeNull();
    }

    [Fact]
    public void The_timeline_toggles_and_every_new_state_bumps_the_version_but_an_old_one_does_not()
    {
        var v0 = _vm.Version;
        _vm.ToggleTimeline().ShouldBeFalse();
        _vm.Build().TimelineVisible.ShouldBeFalse();
        _vm.Version.ShouldBeGreaterThan(v0);

        var v1 = _vm.Version;
        var older = _state;
        Feed(Events.Silence(1));
        _vm.Version.ShouldBeGreaterThan(v1);

        var v2 = _vm.Version;
        _vm.Apply(_state);
        _vm.Apply(older);
        _vm.Version.ShouldBe(v2); // the same state again or an older one: nothing to redraw
        _vm.State.ShouldBeSameAs(_state);
    }

    [Fact]
    public void States_from_many_threads_are_applied_safely_and_the_newest_wins()
    {
        var states = new List<PipelineState>();
        var state = _state;
        for (var i = 0; i < 500; i++)
        {
            state = PipelineStateReducer.Apply(state, Events.Speech(i, i % 3 == 0 ? "happy" : "sad", 0.8f, latencyMs: i % 10));
            states.Add(state);
        }

        Parallel.ForEach(states, s => _vm.Apply(s));

        _vm.State.ShouldBeSameAs(states[^1]);
        _vm.Build().Latency.ShouldStartWith("p50 ");
    }
}
