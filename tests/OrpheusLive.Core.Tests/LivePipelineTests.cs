using System.Reactive.Linq;
using System.Reactive.Threading.Tasks;
using Microsoft.Extensions.Logging.Abstractions;
using OrpheusLive.Core.Debouncing;
using OrpheusLive.Core.Moods;
using OrpheusLive.Core.Pipeline;
using OrpheusLive.Core.Pipeline.State;

namespace OrpheusLive.Core.Tests;

public sealed class LivePipelineTests
{
    private static readonly DebounceOptions Debounce = new() { HoldSeconds = 2, EvidenceWeight = 1, ChangeRatePerSecond = 1, MinDwellSeconds = 10 };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static LivePipeline NewPipeline(IMoodMapStore? moods = null, ListenOptions? options = null) =>
        new(moods ?? MemoryMoodStore.Default(), options ?? new ListenOptions(), Debounce, NullLogger.Instance);

    private static async Task<(List<PipelineEvent> Events, RecordingPlayer Player, MeanCodedClassifier Model, PipelineState State)> RunAsync(
        float[] audio, ListenOptions? options = null, Action<LivePipeline>? beforeRun = null, bool live = false)
    {
        var model = new MeanCodedClassifier();
        var player = new RecordingPlayer();
        var analyzer = new WindowAnalyzer(model, new NonZeroSpeechDetector(), 0.25);
        using var pipeline = NewPipeline(options: options);
        var events = new List<PipelineEvent>();
        using var _ = pipeline.Events.Subscribe(events.Add);
        beforeRun?.Invoke(pipeline);
        await pipeline.RunAsync(new ArraySource(audio) { Live = live }, analyzer, player, Ct);
        return (events, player, model, pipeline.Current);
    }

    [Fact]
    public async Task Windows_come_every_hop_after_the_first_three_seconds()
    {
        var (events, _, _, _) = await RunAsync(Audio.Segments((10, 1)));

        var windows = events.OfType<WindowEvent>().ToList();
        windows.Select(w => w.T).ShouldBe(new[] { 3.0, 4, 5, 6, 7, 8, 9, 10 });
        windows.ShouldAllBe(w => w.Speech && w.Emotion == "happy" && Math.Abs(w.Confidence - 0.9f) < 1e-6);
        windows[0].Scores.Select(s => s.Key).ShouldBe(new[] { "neutral", "happy", "sad", "angry" });
    }

    [Fact]
    public async Task Steady_speech_leads_to_one_decision_that_starts_the_mapped_playlist()
    {
        var (events, player, _, _) = await RunAsync(Audio.Segments((12, 1)));

        var decision = events.OfType<DecisionEvent>().Single();
        decision.Emotion.ShouldBe("happy");
        decision.Mood.ShouldBe("upbeat");
        decision.Target.ShouldBe("spotify:playlist:37i9dQZF1DXdPec7aLTmlC");
        decision.T.ShouldBe(5); // first window at 3 s, held for 2 s
        player.Requests.Single().Mood.ShouldBe("upbeat");
    }

    [Fact]
    public async Task A_track_the_player_moves_on_to_by_itself_is_in_the_state_by_the_next_window()
    {
        var player = new MovingOnPlayer();
        using var pipeline = NewPipeline();
        PipelineState? beforeMovingOn = null;
        var source = new ArraySource(Audio.Segments((12, 1)))
            .At(8, () => player.Played.Wait(Ct)) // the decision at 5 s has started track "one"
            .At(9, () =>
            {
                beforeMovingOn = pipeline.Current;
                player.MoveOn();
            });

        await pipeline.RunAsync(source, new WindowAnalyzer(new MeanCodedClassifier(), new NonZeroSpeechDetector(), 0.25), player, Ct);

        beforeMovingOn.ShouldNotBeNull().Playback.Playing.ShouldNotBeNull().Title.ShouldBe("one");
        pipeline.Current.Playback.Playing.ShouldNotBeNull().Title.ShouldBe("two");
    }

    [Fact]
    public async Task Silence_skips_the_model_and_never_changes_the_music()
    {
        var (events, player, model, _) = await RunAsync(Audio.Segments((8, 1), (30, -1)));

        var windows = events.OfType<WindowEvent>().ToList();
        var silent = windows.Where(w => !w.Speech).ToList();
        silent.Count.ShouldBeGreaterThan(20);
        silent.ShouldAllBe(w => w.Emotion == null && w.Scores.Count == 0);
        model.Calls.ShouldBe(windows.Count(w => w.Speech));
        player.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_new_emotion_changes_the_music_after_the_dwell()
    {
        var (events, player, _, _) = await RunAsync(Audio.Segments((12, 1), (15, 3)));

        var decisions = events.OfType<DecisionEvent>().ToList();
        decisions.Select(d => d.Mood).ShouldBe(new[] { "upbeat", "energetic" });
        (decisions[1].T - decisions[0].T).ShouldBeGreaterThanOrEqualTo(10);
        player.Requests.Select(r => r.Mood).ShouldBe(new[] { "upbeat", "energetic" });
    }

    [Fact]
    public async Task Decisions_follow_their_windows_in_the_event_stream()
    {
        var (events, _, _, _) = await RunAsync(Audio.Segments((12, 1)));

        var decisionIndex = events.FindIndex(e => e is DecisionEvent);
        var windowAtDecision = events.FindIndex(e => e is WindowEvent w && w.T == 5);
        decisionIndex.ShouldBeGreaterThan(windowAtDecision);
    }

    [Fact]
    public async Task The_event_stream_carries_only_windows_decisions_and_status()
    {
        var (events, _, _, _) = await RunAsync(Audio.Segments((12, 1)));

        events.ShouldAllBe(e => e is WindowEvent || e is DecisionEvent || e is StatusEvent);
    }

    [Fact]
    public async Task A_clip_shorter_than_a_window_gets_one_window_centred_like_clip_scoring_centres_it()
    {
        var (events, _, model, _) = await RunAsync(Audio.Segments((1.5, 2)));

        var window = events.OfType<WindowEvent>().Single();
        window.T.ShouldBe(1.5);
        model.Calls.ShouldBe(1);
    }

    [Fact]
    public async Task Listening_and_clip_scoring_give_the_same_scores_for_a_clip_of_one_and_a_half_seconds()
    {
        // A model that hears where the audio sits in the window: end-padding and centring give different scores.
        var clip = Audio.Segments((0.5, 1), (1.0, 3));
        var model = new PlacementClassifier();
        using var pipeline = NewPipeline();
        var events = new List<PipelineEvent>();
        using var _ = pipeline.Events.Subscribe(events.Add);

        await pipeline.RunAsync(new ArraySource(clip), new WindowAnalyzer(model, null, 0.25), new RecordingPlayer(), Ct);
        var scored = new ClipAnalyzer(new WindowAnalyzer(model, null, 0.25), 1.0).Analyze(clip);

        var live = events.OfType<WindowEvent>().Single().Scores;
        live.ShouldBe(scored.Scores);
        live.Max(s => s.Value).ShouldBeLessThan(0.99f, "the placement model must not be saturated, or the test proves nothing");
        var endPadded = new float[model.WindowSamples];
        clip.CopyTo(endPadded, 0);
        var probabilities = new float[model.Labels.Count];
        model.Classify(endPadded, probabilities);
        probabilities.ShouldNotBe(live.Select(s => s.Value).ToArray(), "padding at the end would have scored differently");
    }

    [Fact]
    public async Task A_paused_live_input_analyses_nothing()
    {
        var (events, player, model, state) = await RunAsync(Audio.Segments((10, 1)), beforeRun: p => p.PauseListening(), live: true);

        events.OfType<WindowEvent>().ShouldBeEmpty();
        model.Calls.ShouldBe(0);
        player.Requests.ShouldBeEmpty();
        state.Status.ShouldBe(PipelineStatus.Ended);
    }

    [Fact]
    public async Task Pausing_a_live_input_keeps_audio_time_running_and_never_spans_the_pause()
    {
        var model = new MeanCodedClassifier();
        LivePipeline? pipeline = null;
        var source = new ArraySource(Audio.Segments((20, 1)), chunk: 16_000) { Live = true }
            .At(5, () => pipeline!.PauseListening())
            .At(9, () => pipeline!.ResumeListening())
            .At(12, () => pipeline!.PauseListening())
            .At(13, () => pipeline!.ResumeListening());
        using var created = NewPipeline();
        pipeline = created;
        var events = new List<PipelineEvent>();
        using var _ = pipeline.Events.Subscribe(events.Add);

        await pipeline.RunAsync(source, new WindowAnalyzer(model, null, 0.25), new RecordingPlayer(), Ct);

        // Actions run as a read reaches their time, so the pause covers the hop just read (4–5 s) and the resume
        // applies to the hop just read (8–9 s). After each resume a fresh 3 s must fill before the next window,
        // and times keep counting the paused audio.
        events.OfType<WindowEvent>().Select(w => w.T).ShouldBe(new[] { 3.0, 4, 11, 15, 16, 17, 18, 19, 20 });
    }

    [Fact]
    public async Task A_paused_file_is_not_read_on_unheard_and_continues_afresh_when_resumed()
    {
        LivePipeline? pipeline = null;
        var source = new ArraySource(Audio.Segments((20, 1)), chunk: 16_000).At(5, () => pipeline!.PauseListening());
        using var created = NewPipeline();
        pipeline = created;
        var events = new List<PipelineEvent>();
        using var _ = pipeline.Events.Subscribe(events.Add);
        var paused = pipeline.States.FirstAsync(s => s.Status == PipelineStatus.Paused).ToTask(Ct);

        var run = pipeline.RunAsync(source, new WindowAnalyzer(new MeanCodedClassifier(), null, 0.25), new RecordingPlayer(), Ct);
        await paused.WaitAsync(TimeSpan.FromSeconds(30), Ct);

        source.Position.ShouldBe(5 * 16_000, "nothing is read while the file is paused");
        run.IsCompleted.ShouldBeFalse();
        pipeline.ResumeListening();
        await run.WaitAsync(TimeSpan.FromSeconds(30), Ct);

        // The hop during which the pause came is not heard; after the resume a fresh window fills from 5 s on.
        events.OfType<WindowEvent>().Select(w => w.T).ShouldBe(new[] { 3.0, 4, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20 });
        pipeline.Current.Status.ShouldBe(PipelineStatus.Ended);
    }

    [Fact]
    public void Reports_are_warnings_by_id_until_an_event_resolves_the_id()
    {
        using var pipeline = NewPipeline();
        var events = new List<PipelineEvent>();
        using var _ = pipeline.Events.Subscribe(events.Add);

        pipeline.Report(WarningIds.MicrophoneLost, StatusSeverity.Warning, "Microphone lost");
        pipeline.Report(WarningIds.PlayerFallback, StatusSeverity.Warning, "Not logged in");
        pipeline.Report(WarningIds.MicrophoneLost, StatusSeverity.Warning, "Microphone lost again"); // same id: replaced
        pipeline.Current.Warnings.Select(w => w.Id).ShouldBe(new[] { WarningIds.PlayerFallback, WarningIds.MicrophoneLost });
        pipeline.Current.Warnings[^1].Message.ShouldBe("Microphone lost again");

        pipeline.Report(WarningIds.MicrophoneLost, StatusSeverity.Info, "Microphone is back", resolves: WarningIds.MicrophoneLost);

        pipeline.Current.Warnings.Single().Id.ShouldBe(WarningIds.PlayerFallback);
        events.OfType<StatusEvent>().Last().Resolves.ShouldBe(WarningIds.MicrophoneLost);
        pipeline.DismissWarning(WarningIds.PlayerFallback);
        pipeline.Current.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_shorter_hop_gives_more_windows()
    {
        var (events, _, _, _) = await RunAsync(Audio.Segments((5, 1)), new ListenOptions { HopSeconds = 0.5 });

        events.OfType<WindowEvent>().Select(w => w.T).ShouldBe(new[] { 3.0, 3.5, 4, 4.5, 5 });
    }

    [Fact]
    public async Task The_state_tells_what_a_dashboard_shows_after_the_run()
    {
        var (_, _, _, state) = await RunAsync(Audio.Segments((12, 1)));

        state.Status.ShouldBe(PipelineStatus.Ended); // the input ended
        state.Input.ShouldBe("array");
        state.InputIsLive.ShouldBeFalse();
        state.Emotion.ShouldNotBeNull().Label.ShouldBe("happy");
        state.Emotion.Since.ShouldBe(5);
        state.Belief.Select(b => b.Key).ShouldBe(new[] { "neutral", "happy", "sad", "angry" });
        state.Belief.MaxBy(b => b.Value).Key.ShouldBe("happy");
        state.Mood.ShouldBe("upbeat");
        state.Playback.Player.ShouldBe("recording");
        state.Playback.Playing.ShouldNotBeNull().Target.ShouldBe("spotify:playlist:37i9dQZF1DXdPec7aLTmlC");
        state.LastWindow.ShouldNotBeNull().T.ShouldBe(12);
        state.Latency.Windows.ShouldBe(10);
        state.Timeline.Single().Mood.ShouldBe("upbeat");
        state.Pending.ShouldBeNull();
        state.Affect.ShouldNotBeNull().ShouldBe(state.LastSpeechWindow!.Affect, "the listener's point is the last speech window's");
    }

    [Fact]
    public async Task A_change_held_back_by_the_dwell_is_in_the_state_with_the_time_left()
    {
        using var pipeline = NewPipeline();
        var states = new List<PipelineState>();
        using var _ = pipeline.States.Subscribe(states.Add);

        // happy (music from 5 s, so no change before 15 s); angry from 8 s: fully in the window from 11 s, accepted after
        // its 2 s hold at 13 s, then held back by the dwell until 15 s.
        await pipeline.RunAsync(new ArraySource(Audio.Segments((8, 1), (10, 3))), new WindowAnalyzer(new MeanCodedClassifier(), null, 0.25),
            new RecordingPlayer(), Ct);

        var holding = states.First(s => s.Pending is { Emotion: "angry", HoldRemainingSeconds: > 0 });
        holding.Pending!.Mood.ShouldBe("energetic");
        holding.T.ShouldBe(11);
        (holding.T + holding.Pending.HoldRemainingSeconds).ShouldBe(13, 1e-6);
        (holding.T + holding.Pending.DwellRemainingSeconds).ShouldBe(15, 1e-6);
        holding.Emotion!.Label.ShouldBe("happy");
        var dwelling = states.First(s => s.Pending is { Emotion: "angry", HoldRemainingSeconds: 0, DwellRemainingSeconds: > 0 });
        (dwelling.T + dwelling.Pending!.DwellRemainingSeconds).ShouldBe(15, 1e-6);
        states[^1].Timeline.Select(d => d.Mood).ShouldBe(new[] { "upbeat", "energetic" });
        states[^1].Timeline[1].T.ShouldBe(15);
    }

    [Fact]
    public async Task A_failing_decision_stream_reaches_the_user_as_an_error_status()
    {
        using var pipeline = NewPipeline(new ThrowingMoodStore());

        await pipeline.RunAsync(new ArraySource(Audio.Segments((6, 1))), new WindowAnalyzer(new MeanCodedClassifier(), null, 0.25),
            new RecordingPlayer(), Ct);

        var error = pipeline.Current.Warnings.Single(w => w.Id == WarningIds.DecisionsFailed);
        error.Severity.ShouldBe(StatusSeverity.Error);
        error.Message.ShouldContain("mapping broke");
        pipeline.Current.Status.ShouldBe(PipelineStatus.Ended, "listening went on to the end of the input");
    }

    [Fact]
    public async Task A_failing_input_fails_the_pipeline_with_the_error_in_the_state()
    {
        using var pipeline = NewPipeline();

        var e = await Should.ThrowAsync<global::OrpheusLive.Core.Audio.AudioSourceException>(() => pipeline.RunAsync(
            new ArraySource(Audio.Segments((4, 1))).At(2, () => throw new global::OrpheusLive.Core.Audio.AudioSourceException("The device was unplugged.")),
            new WindowAnalyzer(new MeanCodedClassifier(), null, 0.25), new RecordingPlayer(), Ct));

        pipeline.Current.Status.ShouldBe(PipelineStatus.Failed);
        pipeline.Current.Error.ShouldBe("The device was unplugged.");
        pipeline.Current.Warnings.Single().Id.ShouldBe(WarningIds.InputFailed);
        e.Message.ShouldBe("The device was unplugged.");
    }

    [Fact]
    public async Task Music_controls_go_through_the_pipeline_and_a_decision_waits_while_the_music_is_paused()
    {
        LivePipeline? pipeline = null;
        var player = new RecordingPlayer();
        var source = new ArraySource(Audio.Segments((12, 1), (16, 3)), chunk: 16_000).At(8, () =>
        {
            // The reading loop runs ahead of the player task: wait (deadline, not a sleep) until upbeat plays, then pause it.
            player.FirstPlay.Wait(TimeSpan.FromSeconds(30)).ShouldBeTrue();
            pipeline!.PauseMusicAsync(Ct).Wait(TimeSpan.FromSeconds(30)).ShouldBeTrue();
        });
        using var created = NewPipeline();
        pipeline = created;

        await pipeline.RunAsync(source, new WindowAnalyzer(new MeanCodedClassifier(), null, 0.25), player, Ct);

        player.Requests.Select(r => r.Mood).ShouldBe(new[] { "upbeat" }, "energetic was decided while the music was paused");
        pipeline.Current.Playback.Playing.ShouldNotBeNull().IsPaused.ShouldBeTrue();
        await pipeline.ResumeMusicAsync(Ct);
        player.Requests.Select(r => r.Mood).ShouldBe(new[] { "upbeat", "energetic" }, "resuming plays the mood decided meanwhile");
        pipeline.Current.Timeline[^1].Mood.ShouldBe("energetic");
        pipeline.Current.Playback.Playing!.IsPaused.ShouldBeFalse();

        await pipeline.SkipAsync(Ct);
        player.Skips.ShouldBe(1);
    }

    [Fact]
    public async Task A_mood_the_user_plays_plays_at_once_for_at_least_the_dwell_then_the_listeners_next_changed_mood_takes_over()
    {
        LivePipeline? pipeline = null;
        var player = new RecordingPlayer();
        MoodRequestResult? picked = null;
        PipelineState? afterPick = null;
        PipelineState? heardOn = null;
        // happy → upbeat at 5 s; the user picks chill at 10 s; happy goes on (the same mood: no decision); angry from
        // 12 s is a changed mood, stable from 17 s: energetic once chill has played for the dwell (10 s from the pick).
        var source = new ArraySource(Audio.Segments((12, 1), (10, 3)), chunk: 16_000)
            .At(10, () =>
            {
                player.FirstPlay.Wait(TimeSpan.FromSeconds(30)).ShouldBeTrue();
                picked = pipeline!.PlayMoodAsync(" Chill ", Ct).WaitAsync(TimeSpan.FromSeconds(30), Ct).GetAwaiter().GetResult();
                afterPick = pipeline.Current;
            })
            .At(12, () => heardOn = pipeline!.Current);
        using var created = NewPipeline();
        pipeline = created;

        await pipeline.RunAsync(source, new WindowAnalyzer(new MeanCodedClassifier(), null, 0.25), player, Ct);

        picked.ShouldNotBeNull().Status.ShouldBe(MoodRequestStatus.Playing);
        picked.Mood.ShouldBe("chill");
        picked.Target.ShouldBe("spotify:playlist:37i9dQZF1DX4WYpdgoIcn6");
        afterPick.ShouldNotBeNull().Mood.ShouldBe("chill");
        afterPick.MoodByUser.ShouldBeTrue();
        afterPick.Timeline[^1].ByUser.ShouldBeTrue();
        afterPick.Playback.Playing.ShouldNotBeNull().Mood.ShouldBe("chill");
        heardOn.ShouldNotBeNull().Mood.ShouldBe("chill", "the listener still sounds happy: the user's mood stays");
        heardOn.MoodByUser.ShouldBeTrue();
        player.Requests.Select(r => r.Mood).ShouldBe(new[] { "upbeat", "chill", "energetic" });
        var final = pipeline.Current;
        final.Mood.ShouldBe("energetic");
        final.MoodByUser.ShouldBeFalse("the listener's changed mood took over");
        final.Timeline.Select(d => (d.Mood, d.ByUser)).ShouldBe(new[] { ("upbeat", false), ("chill", true), ("energetic", false) });
        final.Timeline[1].T.ShouldBe(9, "the audio time of the last window before the pick (the action runs as the read reaches 10 s)");
        final.Timeline[2].T.ShouldBe(19, "the pick restarted the dwell: 10 s from 9 s, not from upbeat's 5 s");
    }

    [Fact]
    public async Task A_decision_still_queued_behind_a_slow_player_when_the_user_picks_music_is_dropped_for_the_pick()
    {
        LivePipeline? pipeline = null;
        var slowStart = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var player = new RecordingPlayer { FirstPlayReturnsAfter = slowStart.Task };
        MoodRequestResult? picked = null;
        // happy → upbeat at 5 s, and the player takes until 20 s to answer; meanwhile angry → energetic is decided at
        // 17 s and queues behind it. At 20 s the user picks chill (it waits for the player too), then the player answers.
        var source = new ArraySource(Audio.Segments((12, 1), (10, 3)), chunk: 16_000)
            .At(20, () =>
            {
                // The reading loop runs ahead of the player task: wait (deadline, not a sleep) until upbeat is in the player.
                player.FirstPlay.Wait(TimeSpan.FromSeconds(30)).ShouldBeTrue();
                var pick = pipeline!.PlayMoodAsync("chill", Ct);
                slowStart.SetResult();
                picked = pick.WaitAsync(TimeSpan.FromSeconds(30), Ct).GetAwaiter().GetResult();
            });
        using var created = NewPipeline();
        pipeline = created;

        await pipeline.RunAsync(source, new WindowAnalyzer(new MeanCodedClassifier(), null, 0.25), player, Ct);

        picked.ShouldNotBeNull().Status.ShouldBe(MoodRequestStatus.Playing);
        player.Requests.Select(r => r.Mood).ShouldBe(new[] { "upbeat", "chill" }, "energetic was decided before the pick: the pick is the newer wish");
        pipeline.Current.Mood.ShouldBe("chill");
        pipeline.Current.MoodByUser.ShouldBeTrue();
        pipeline.Current.Timeline.Select(d => (d.Mood, d.ByUser)).ShouldBe(new[] { ("upbeat", false), ("chill", true) });
    }

    [Fact]
    public async Task An_unknown_mood_changes_nothing_and_says_which_moods_there_are()
    {
        LivePipeline? pipeline = null;
        var player = new RecordingPlayer();
        MoodRequestResult? picked = null;
        var source = new ArraySource(Audio.Segments((10, 1)), chunk: 16_000).At(8, () =>
        {
            player.FirstPlay.Wait(TimeSpan.FromSeconds(30)).ShouldBeTrue();
            picked = pipeline!.PlayMoodAsync("polka", Ct).WaitAsync(TimeSpan.FromSeconds(30), Ct).GetAwaiter().GetResult();
        });
        using var created = NewPipeline();
        pipeline = created;

        await pipeline.RunAsync(source, new WindowAnalyzer(new MeanCodedClassifier(), null, 0.25), player, Ct);

        picked.ShouldNotBeNull().Status.ShouldBe(MoodRequestStatus.UnknownMood);
        picked.Message.ShouldContain("'polka'");
        picked.Message.ShouldContain("chill");
        player.Requests.Select(r => r.Mood).ShouldBe(new[] { "upbeat" });
        pipeline.Current.Mood.ShouldBe("upbeat");
        pipeline.Current.MoodByUser.ShouldBeFalse();
    }

    [Fact]
    public async Task A_mood_cannot_be_played_before_the_pipeline_runs_or_after_it_ended()
    {
        using var pipeline = NewPipeline();
        (await pipeline.PlayMoodAsync("chill", Ct)).Status.ShouldBe(MoodRequestStatus.NotRunning);

        await pipeline.RunAsync(new ArraySource(Audio.Segments((4, 1))), new WindowAnalyzer(new MeanCodedClassifier(), null, 0.25), new RecordingPlayer(), Ct);

        var after = await pipeline.PlayMoodAsync("chill", Ct);
        after.Status.ShouldBe(MoodRequestStatus.NotRunning);
        after.Message.ShouldContain("orpheus run");
        pipeline.Current.Timeline.ShouldAllBe(d => !d.ByUser);
    }

    [Fact]
    public async Task A_pipeline_runs_once()
    {
        using var pipeline = NewPipeline();
        var analyzer = new WindowAnalyzer(new MeanCodedClassifier(), null, 0.25);
        await pipeline.RunAsync(new ArraySource(Audio.Segments((4, 1))), analyzer, new RecordingPlayer(), Ct);

        await Should.ThrowAsync<InvalidOperationException>(() => pipeline.RunAsync(new ArraySource([]), analyzer, new RecordingPlayer(), Ct));
    }

    private sealed class ThrowingMoodStore : IMoodMapStore
    {
        public MoodMap Current => throw new InvalidOperationException("mapping broke.");

        public IObservable<MoodMap> Changes => Observable.Never<MoodMap>();

        public string UserFilePath => "memory";

        public MoodTargetRules Targets => TestTargets.Rules;

        public Task SaveAsync(MoodMap map, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
