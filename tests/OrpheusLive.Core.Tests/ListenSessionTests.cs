using System.Reactive.Linq;
using Microsoft.Extensions.Logging.Abstractions;
using OrpheusLive.Core.Debouncing;
using OrpheusLive.Core.Pipeline;

namespace OrpheusLive.Core.Tests;

public sealed class ListenSessionTests
{
    private static readonly DebounceOptions Debounce = new() { HoldSeconds = 2, EvidenceWeight = 1, ChangeRatePerSecond = 1, MinDwellSeconds = 10 };

    private static async Task<(List<PipelineEvent> Events, RecordingPlayer Player, MeanCodedClassifier Model)> RunAsync(
        float[] audio, ListenOptions? options = null, Action<ListenSession>? beforeRun = null)
    {
        var model = new MeanCodedClassifier();
        var player = new RecordingPlayer();
        var analyzer = new WindowAnalyzer(model, new NonZeroSpeechDetector(), 0.25);
        using var session = new ListenSession(new ArraySource(audio), analyzer, MemoryMoodStore.Default(), player,
            options ?? new ListenOptions(), Debounce, NullLogger.Instance);
        var events = new List<PipelineEvent>();
        using var _ = session.Events.Subscribe(events.Add);
        beforeRun?.Invoke(session);
        await session.RunAsync(CancellationToken.None);
        return (events, player, model);
    }

    [Fact]
    public async Task Windows_come_every_hop_after_the_first_three_seconds()
    {
        var (events, _, _) = await RunAsync(Audio.Segments((10, 1)));

        var windows = events.OfType<WindowEvent>().ToList();
        windows.Select(w => w.T).ShouldBe(new[] { 3.0, 4, 5, 6, 7, 8, 9, 10 });
        windows.ShouldAllBe(w => w.Speech && w.Emotion == "happy" && Math.Abs(w.Confidence - 0.9f) < 1e-6);
        windows[0].Scores.Select(s => s.Key).ShouldBe(new[] { "neutral", "happy", "sad", "angry" });
    }

    [Fact]
    public async Task Steady_speech_leads_to_one_decision_that_starts_the_mapped_playlist()
    {
        var (events, player, _) = await RunAsync(Audio.Segments((12, 1)));

        var decision = events.OfType<DecisionEvent>().Single();
        decision.Emotion.ShouldBe("happy");
        decision.Mood.ShouldBe("upbeat");
        decision.Target.ShouldBe("spotify:playlist:37i9dQZF1DXdPec7aLTmlC");
        decision.T.ShouldBe(5); // first window at 3 s, held for 2 s
        player.Requests.Single().Mood.ShouldBe("upbeat");
    }

    [Fact]
    public async Task Silence_skips_the_model_and_never_changes_the_music()
    {
        var (events, player, model) = await RunAsync(Audio.Segments((8, 1), (30, -1)));

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
        var (events, player, _) = await RunAsync(Audio.Segments((12, 1), (15, 3)));

        var decisions = events.OfType<DecisionEvent>().ToList();
        decisions.Select(d => d.Mood).ShouldBe(new[] { "upbeat", "energetic" });
        (decisions[1].T - decisions[0].T).ShouldBeGreaterThanOrEqualTo(10);
        player.Requests.Select(r => r.Mood).ShouldBe(new[] { "upbeat", "energetic" });
    }

    [Fact]
    public async Task Decisions_follow_their_windows_in_the_event_stream()
    {
        var (events, _, _) = await RunAsync(Audio.Segments((12, 1)));

        var decisionIndex = events.FindIndex(e => e is DecisionEvent);
        var windowAtDecision = events.FindIndex(e => e is WindowEvent w && w.T == 5);
        decisionIndex.ShouldBeGreaterThan(windowAtDecision);
    }

    [Fact]
    public async Task A_clip_shorter_than_a_window_still_gets_one_padded_window()
    {
        var (events, _, model) = await RunAsync(Audio.Segments((1.5, 2)));

        var window = events.OfType<WindowEvent>().Single();
        window.T.ShouldBe(1.5);
        model.Calls.ShouldBe(1);
    }

    [Fact]
    public async Task A_paused_session_analyses_nothing()
    {
        var (events, player, model) = await RunAsync(Audio.Segments((10, 1)), beforeRun: s => s.Pause());

        events.OfType<WindowEvent>().ShouldBeEmpty();
        model.Calls.ShouldBe(0);
        player.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Pause_then_resume_keeps_audio_time_running_and_never_spans_the_pause()
    {
        var model = new MeanCodedClassifier();
        ListenSession? session = null;
        var source = new ArraySource(Audio.Segments((20, 1)), chunk: 16_000)
            .At(5, () => session!.Pause())
            .At(9, () => session!.Resume())
            .At(12, () => session!.Pause())
            .At(13, () => session!.Resume());
        session = new ListenSession(source, new WindowAnalyzer(model, null, 0.25), MemoryMoodStore.Default(), new RecordingPlayer(),
            new ListenOptions(), Debounce, NullLogger.Instance);
        var events = new List<PipelineEvent>();
        using var _ = session.Events.Subscribe(events.Add);

        await session.RunAsync(CancellationToken.None);
        session.Dispose();

        // Actions run as a read reaches their time, so the pause covers the hop just read (4–5 s) and the resume
        // applies to the hop just read (8–9 s). After each resume a fresh 3 s must fill before the next window,
        // and times keep counting the paused audio.
        events.OfType<WindowEvent>().Select(w => w.T).ShouldBe(new[] { 3.0, 4, 11, 15, 16, 17, 18, 19, 20 });
    }

    [Fact]
    public void A_resolving_report_clears_the_warning_it_names()
    {
        using var session = new ListenSession(new ArraySource([]), new WindowAnalyzer(new MeanCodedClassifier(), null, 0.25),
            MemoryMoodStore.Default(), new RecordingPlayer(), new ListenOptions(), Debounce, NullLogger.Instance);
        var events = new List<PipelineEvent>();
        using var _ = session.Events.Subscribe(events.Add);

        session.Report(StatusSeverity.Warning, "Microphone lost");
        session.Report(StatusSeverity.Warning, "Not logged in");
        session.Snapshot.Warnings.ShouldBe(new[] { "Microphone lost", "Not logged in" });
        session.Report(StatusSeverity.Info, "Microphone is back", resolves: "Microphone lost");

        session.Snapshot.Warnings.ShouldBe(new[] { "Not logged in" });
        events.OfType<StatusEvent>().Last().Resolves.ShouldBe("Microphone lost");
    }

    [Fact]
    public async Task A_shorter_hop_gives_more_windows()
    {
        var (events, _, _) = await RunAsync(Audio.Segments((5, 1)), new ListenOptions { HopSeconds = 0.5 });

        events.OfType<WindowEvent>().Select(w => w.T).ShouldBe(new[] { 3.0, 3.5, 4, 4.5, 5 });
    }

    [Fact]
    public async Task The_snapshot_reflects_the_latest_state()
    {
        var model = new MeanCodedClassifier();
        var player = new RecordingPlayer();
        using var session = new ListenSession(new ArraySource(Audio.Segments((12, 1))), new WindowAnalyzer(model, null, 0.25),
            MemoryMoodStore.Default(), player, new ListenOptions(), Debounce, NullLogger.Instance);

        await session.RunAsync(CancellationToken.None);

        var snapshot = session.Snapshot;
        snapshot.Emotion.ShouldBe("happy");
        snapshot.Mood.ShouldBe("upbeat");
        snapshot.Playing.ShouldNotBeNull().Target.ShouldBe("spotify:playlist:37i9dQZF1DXdPec7aLTmlC");
        snapshot.LastWindow.ShouldNotBeNull().T.ShouldBe(12);
        snapshot.Listening.ShouldBeFalse(); // the input ended
    }
}
