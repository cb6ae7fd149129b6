using OrpheusLive.Core.Pipeline;
using OrpheusLive.Core.Pipeline.State;
using OrpheusLive.Core.Playback;

namespace OrpheusLive.Core.Tests;

/// <summary>The pure reducer: events in, state out, no pipeline running.</summary>
public sealed class PipelineStateReducerTests
{
    private static PipelineState Reduce(params PipelineEvent[] events) =>
        events.Aggregate(PipelineState.Initial, PipelineStateReducer.Apply);

    private static DecisionEvent Decision(double t, string mood, string? target = "spotify:playlist:x", string? message = null) =>
        new(t, "happy", mood, 0.8f, target, "console", message);

    [Fact]
    public void Before_anything_happened_it_is_starting_with_nothing_known()
    {
        var state = PipelineState.Initial;

        state.Status.ShouldBe(PipelineStatus.Starting);
        state.Emotion.ShouldBeNull();
        state.Warnings.ShouldBeEmpty();
        state.Version.ShouldBe(0);
    }

    [Fact]
    public void Speech_windows_place_the_listener_on_the_valence_arousal_plane_and_silence_keeps_the_place()
    {
        var happy = Reduce(Windows.Speech(3, "happy", 1f));
        var angryThenSilent = Reduce(Windows.Speech(3, "angry", 1f), Windows.Silence(4));

        Reduce(Windows.Silence(3)).Affect.ShouldBeNull();
        happy.Affect.ShouldNotBeNull().Valence.ShouldBe(0.80f, 1e-6f);
        happy.Affect.Arousal.ShouldBe(0.35f, 1e-6f);
        angryThenSilent.Affect.ShouldNotBeNull().Valence.ShouldBeLessThan(0);
        angryThenSilent.Affect.Arousal.ShouldBeGreaterThan(0.5f);
    }

    [Fact]
    public void Starting_sets_the_input_and_player_and_windows_move_audio_time()
    {
        var state = Reduce(new PipelineStarted(0, "demo.wav", false, "console"), Windows.Speech(3, "happy", 0.9f), Windows.Silence(4));

        state.Status.ShouldBe(PipelineStatus.Listening);
        state.Input.ShouldBe("demo.wav");
        state.Playback.Player.ShouldBe("console");
        state.T.ShouldBe(4);
        state.LastWindow!.T.ShouldBe(4);
        state.LastSpeechWindow!.T.ShouldBe(3);
        state.Version.ShouldBe(3);
    }

    [Fact]
    public void Latency_covers_speech_windows_only_with_nearest_rank_percentiles()
    {
        var windows = new[] { 5.0, 1, 4, 2, 3 }.Select((ms, i) => Windows.Speech(3 + i, "happy", 0.9f) with { LatencyMs = ms }).ToList();

        var state = Reduce([.. windows, Windows.Silence(9) with { LatencyMs = 100 }]);

        state.Latency.Windows.ShouldBe(5);
        state.Latency.P50Ms.ShouldBe(3);
        state.Latency.P95Ms.ShouldBe(5);
    }

    [Fact]
    public void Latency_keeps_the_most_recent_windows_and_ignores_non_finite_ones()
    {
        var summary = LatencySummary.Empty.Add(1000).Add(double.NaN);
        for (var i = 0; i < LatencySummary.Capacity; i++)
        {
            summary = summary.Add(2);
        }

        summary.Windows.ShouldBe(LatencySummary.Capacity);
        summary.P95Ms.ShouldBe(2, "the 1000 ms window has dropped out");
        summary.RecentMs.Count.ShouldBe(LatencySummary.Capacity);
    }

    [Fact]
    public void A_belief_sets_the_stable_emotion_and_the_pending_change_counts_down_on_audio_time()
    {
        var state = Reduce(
            Windows.Speech(10, "angry", 0.9f),
            new BeliefChanged(10, new StableEmotion("happy", 0.7f, 5), [new("happy", 0.7f), new("angry", 0.3f)],
                new PendingChange("angry", "energetic", 2, 4)),
            Windows.Silence(11),
            Windows.Silence(12.5));

        state.Emotion.ShouldBe(new StableEmotion("happy", 0.7f, 5));
        state.Belief.Select(b => b.Key).ShouldBe(["happy", "angry"]);
        state.Pending.ShouldBe(new PendingChange("angry", "energetic", 0, 1.5));
    }

    [Fact]
    public void Warnings_are_kept_by_id_replaced_by_a_newer_report_and_removed_by_a_resolving_one()
    {
        var state = Reduce(
            new StatusEvent(1, WarningIds.MicrophoneLost, StatusSeverity.Warning, "lost"),
            new StatusEvent(2, WarningIds.PlayerFallback, StatusSeverity.Warning, "console player"),
            new StatusEvent(3, WarningIds.MicrophoneLost, StatusSeverity.Warning, "lost again"));

        state.Warnings.Select(w => (w.Id, w.Message, w.T)).ShouldBe([
            (WarningIds.PlayerFallback, "console player", 2.0),
            (WarningIds.MicrophoneLost, "lost again", 3.0),
        ]);

        state = PipelineStateReducer.Apply(state, new StatusEvent(4, WarningIds.MicrophoneLost, StatusSeverity.Info, "back", WarningIds.MicrophoneLost));
        state.Warnings.Single().Id.ShouldBe(WarningIds.PlayerFallback);

        state = PipelineStateReducer.Apply(state, new StatusEvent(5, "spotify.reachable", StatusSeverity.Info, "reachable again"));
        state.Warnings.Single().Id.ShouldBe(WarningIds.PlayerFallback, "an info without resolves changes no warning");
    }

    [Fact]
    public void A_dismissed_warning_is_gone_until_reported_again_and_dismissing_nothing_changes_nothing()
    {
        var state = Reduce(new StatusEvent(1, WarningIds.MappingInvalid, StatusSeverity.Warning, "bad file"));

        var dismissed = PipelineStateReducer.Apply(state, new WarningDismissed(2, WarningIds.MappingInvalid));
        dismissed.Warnings.ShouldBeEmpty();
        PipelineStateReducer.Apply(dismissed, new WarningDismissed(3, WarningIds.MappingInvalid)).ShouldBeSameAs(dismissed);
        PipelineStateReducer.Apply(dismissed, new StatusEvent(4, WarningIds.MappingInvalid, StatusSeverity.Warning, "bad file"))
            .Warnings.Single().Id.ShouldBe(WarningIds.MappingInvalid);
    }

    [Fact]
    public void Decisions_set_the_mood_join_a_bounded_timeline_and_music_that_starts_resolves_player_failures()
    {
        var failed = Reduce(
            Decision(5, "upbeat", target: null, message: "no device"),
            new StatusEvent(5, WarningIds.PlayerFailed, StatusSeverity.Warning, "no device"),
            new StatusEvent(5, WarningIds.MicrophoneLost, StatusSeverity.Warning, "lost"));
        failed.Mood.ShouldBe("upbeat");
        failed.Warnings.Count.ShouldBe(2);

        var started = PipelineStateReducer.Apply(failed, Decision(20, "chill"));
        started.Warnings.Single().Id.ShouldBe(WarningIds.MicrophoneLost);
        started.Mood.ShouldBe("chill");

        var many = Enumerable.Range(0, PipelineState.TimelineCapacity + 5).Aggregate(started, (s, i) => PipelineStateReducer.Apply(s, Decision(30 + i, $"m{i}")));
        many.Timeline.Count.ShouldBe(PipelineState.TimelineCapacity);
        many.Timeline[^1].Mood.ShouldBe($"m{PipelineState.TimelineCapacity + 4}");
    }

    [Fact]
    public void Pausing_and_resuming_listening_is_the_one_paused_and_ends_are_final()
    {
        var paused = Reduce(new PipelineStarted(0, "mic", true, "local"), new ListeningToggled(5, true));
        paused.Status.ShouldBe(PipelineStatus.Paused);
        PipelineStateReducer.Apply(paused, new ListeningToggled(6, false)).Status.ShouldBe(PipelineStatus.Listening);

        var failed = PipelineStateReducer.Apply(paused, new PipelineStopped(7, PipelineStatus.Failed, "unplugged"));
        failed.Status.ShouldBe(PipelineStatus.Failed);
        failed.Error.ShouldBe("unplugged");
        PipelineStateReducer.Apply(failed, new ListeningToggled(8, false)).ShouldBeSameAs(failed);
        PipelineStateReducer.Apply(failed, new PipelineStopped(9, PipelineStatus.Ended, null)).ShouldBeSameAs(failed);
    }

    [Fact]
    public void Paused_before_the_input_opened_stays_paused_when_it_opens()
    {
        var state = Reduce(new ListeningToggled(0, true), new PipelineStarted(0, "demo.wav", false, "console"));

        state.Status.ShouldBe(PipelineStatus.Paused);
        PipelineStateReducer.Apply(Reduce(new ListeningToggled(0, true)), new ListeningToggled(0, false)).Status.ShouldBe(PipelineStatus.Starting);
    }

    [Fact]
    public void The_player_state_is_what_the_last_command_left()
    {
        var playing = new NowPlaying("upbeat", "samples/music/upbeat", "a.wav", "speakers", IsPaused: true);

        var state = Reduce(new PlaybackChanged(3, new PlaybackState("local", "speakers", playing)));

        state.Playback.Playing!.IsPaused.ShouldBeTrue();
        state.Playback.Device.ShouldBe("speakers");
    }
}
