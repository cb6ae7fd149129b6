using System.Reactive.Concurrency;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using OrpheusLive.Core.Debouncing;
using OrpheusLive.Core.Pipeline;

namespace OrpheusLive.Core.Tests;

public sealed class EmotionDebouncerTests
{
    private static readonly DateTimeOffset Zero = DateTimeOffset.UnixEpoch;

    private static readonly Dictionary<string, string> Moods = new()
    {
        ["neutral"] = "chill",
        ["happy"] = "upbeat",
        ["sad"] = "comforting",
        ["angry"] = "energetic",
    };

    [Fact]
    public void A_steady_confident_emotion_is_accepted_after_the_hold_time()
    {
        var options = new DebounceOptions { HoldSeconds = 2, EvidenceWeight = 1, ChangeRatePerSecond = 1 };
        var (states, _) = Run(Enumerable.Range(3, 6).Select(t => Windows.Speech(t, "happy", 0.9f)), options);

        var change = states.Single(s => s.Changed);
        change.Emotion.ShouldBe("happy");
        (change.Time - Zero).TotalSeconds.ShouldBe(5); // first confident at 3 s, held for 2 s
        states.Where(s => s.Time < change.Time).ShouldAllBe(s => s.Emotion == null);
    }

    [Fact]
    public void Without_smoothing_scores_below_the_threshold_never_become_the_emotion()
    {
        var (states, decisions) = Run(
            Enumerable.Range(3, 30).Select(t => Windows.Speech(t, "angry", 0.65f)),
            new DebounceOptions { Threshold = 0.70, EvidenceWeight = 1, ChangeRatePerSecond = 1 });

        states.ShouldAllBe(s => s.Emotion == null);
        decisions.ShouldBeEmpty();
    }

    [Fact]
    public void Consistent_unsure_windows_build_confidence_that_fades_in_a_pause()
    {
        // Each window alone is unsure (0.45 against 0.11 for each other label), but they agree.
        var options = new DebounceOptions { HoldSeconds = 2 };
        var input = Enumerable.Range(3, 12).Select(t => Windows.Speech(t, "angry", 0.45f)).ToList();
        input.Add(Windows.Speech(75, "angry", 0.45f)); // after a minute of silence
        var (states, _) = Run(input, options);

        states[0].Confidence.ShouldBeLessThan(0.5f); // one window is not enough
        var change = states.Single(s => s.Changed);
        change.Emotion.ShouldBe("angry");
        (change.Time - Zero).TotalSeconds.ShouldBeInRange(5, 12);
        states.Select(s => s.Confidence).Take(8).ShouldBeInOrder(SortDirection.Ascending);
        states[^1].Emotion.ShouldBe("angry"); // the accepted emotion stays through the pause ...
        states[^1].Confidence.ShouldBeLessThan(states[^2].Confidence - 0.2f); // ... but the belief has faded
    }

    [Fact]
    public void Window_by_window_flapping_never_changes_the_emotion()
    {
        // Confident but alternating every window: the average never reaches the threshold.
        var input = Enumerable.Range(3, 60).Select(t => Windows.Speech(t, t % 2 == 0 ? "happy" : "sad", 0.95f));
        var (states, decisions) = Run(input, new DebounceOptions());

        states.ShouldNotBeEmpty();
        states.ShouldAllBe(s => !s.Changed);
        decisions.ShouldBeEmpty();
    }

    [Fact]
    public void Slow_flapping_changes_the_music_at_most_once_per_dwell_period()
    {
        // The emotion flips every 4 s for two minutes: each flip is long enough to be accepted as an emotion,
        // but the music must not follow faster than the minimum dwell.
        var options = new DebounceOptions { HoldSeconds = 1, EvidenceWeight = 1, ChangeRatePerSecond = 1, MinDwellSeconds = 10 };
        var input = Enumerable.Range(3, 120).Select(t => Windows.Speech(t, (t / 4) % 2 == 0 ? "happy" : "angry", 0.95f));
        var (states, decisions) = Run(input, options);

        states.Count(s => s.Changed).ShouldBeGreaterThan(10); // the emotion itself did follow the input
        decisions.Count.ShouldBeGreaterThan(1);
        decisions.Zip(decisions.Skip(1), (a, b) => (b.Time - a.Time).TotalSeconds).ShouldAllBe(gap => gap >= 10);
        decisions.Zip(decisions.Skip(1), (a, b) => a.Mood != b.Mood).ShouldAllBe(changed => changed);
    }

    [Fact]
    public void Silence_never_changes_the_emotion_or_the_music()
    {
        var options = new DebounceOptions { HoldSeconds = 0, EvidenceWeight = 1, ChangeRatePerSecond = 1 };
        var input = new List<WindowEvent> { Windows.Speech(3, "happy", 0.9f) };
        input.AddRange(Enumerable.Range(4, 100).Select(t => Windows.Silence(t)));
        var (states, decisions) = Run(input, options);

        states.Count.ShouldBe(1); // silent windows produce no states at all
        decisions.Count.ShouldBe(1);
        decisions[0].Mood.ShouldBe("upbeat");
    }

    [Fact]
    public void An_interrupted_challenger_must_start_its_hold_again()
    {
        var options = new DebounceOptions { HoldSeconds = 2, EvidenceWeight = 1, ChangeRatePerSecond = 1 };
        var input = new[]
        {
            Windows.Speech(3, "sad", 0.9f),
            Windows.Speech(4, "sad", 0.9f),
            Windows.Speech(5, "sad", 0.5f), // not confident: interrupts the hold
            Windows.Speech(6, "sad", 0.9f),
            Windows.Speech(7, "sad", 0.9f),
            Windows.Speech(8, "sad", 0.9f),
        };
        var (states, _) = Run(input, options);

        var change = states.Single(s => s.Changed);
        (change.Time - Zero).TotalSeconds.ShouldBe(8);
    }

    [Fact]
    public void Hysteresis_keeps_the_current_emotion_against_a_narrow_lead()
    {
        var options = new DebounceOptions { Threshold = 0.40, HysteresisMargin = 0.15, HoldSeconds = 0, EvidenceWeight = 1, ChangeRatePerSecond = 1 };
        var input = new[]
        {
            Windows.Speech(3, "happy", 0.9f),
            Scores(4, ("happy", 0.42f), ("sad", 0.50f), ("neutral", 0.04f), ("angry", 0.04f)), // leads by 0.08 only
            Scores(5, ("happy", 0.30f), ("sad", 0.60f), ("neutral", 0.05f), ("angry", 0.05f)), // leads by 0.30
        };
        var (states, _) = Run(input, options);

        states.Select(s => s.Emotion).ShouldBe(new[] { "happy", "happy", "sad" });
    }

    [Fact]
    public void One_odd_window_does_not_overturn_a_settled_emotion()
    {
        var options = new DebounceOptions { HoldSeconds = 0 };
        var input = Enumerable.Range(3, 10).Select(t => Windows.Speech(t, "happy", 0.8f)).ToList();
        input.Add(Windows.Speech(13, "angry", 0.8f));
        input.Add(Windows.Speech(14, "happy", 0.8f));
        var (states, _) = Run(input, options);

        states[^3].Emotion.ShouldBe("happy");
        states[^2].Emotion.ShouldBe("happy"); // the odd angry window
        states[^1].Emotion.ShouldBe("happy");
        states.Count(s => s.Changed).ShouldBe(1);
    }

    [Fact]
    public void The_first_decision_plays_at_once_and_a_wanted_change_waits_for_the_dwell()
    {
        var options = new DebounceOptions { HoldSeconds = 0, EvidenceWeight = 1, ChangeRatePerSecond = 1, MinDwellSeconds = 10 };
        var input = new List<WindowEvent> { Windows.Speech(3, "happy", 0.9f) };
        input.AddRange(Enumerable.Range(4, 20).Select(t => Windows.Speech(t, "sad", 0.9f)));
        var (_, decisions) = Run(input, options);

        decisions.Select(d => ((d.Time - Zero).TotalSeconds, d.Mood)).ShouldBe(new[] { (3.0, "upbeat"), (13.0, "comforting") });
    }

    [Fact]
    public void Emotions_that_share_a_mood_do_not_restart_the_music()
    {
        var moods = new Dictionary<string, string>(Moods) { ["sad"] = "upbeat" };
        var options = new DebounceOptions { HoldSeconds = 0, EvidenceWeight = 1, ChangeRatePerSecond = 1, MinDwellSeconds = 0 };
        var input = new[] { Windows.Speech(3, "happy", 0.9f), Windows.Speech(4, "sad", 0.9f), Windows.Speech(5, "happy", 0.9f) };
        var (states, decisions) = Run(input, options, e => moods.GetValueOrDefault(e));

        states.Count(s => s.Changed).ShouldBe(3);
        decisions.Count.ShouldBe(1);
    }

    [Fact]
    public void A_mapping_edit_applies_on_the_next_speech_window()
    {
        var moods = new Dictionary<string, string>(Moods);
        var options = new DebounceOptions { HoldSeconds = 0, EvidenceWeight = 1, ChangeRatePerSecond = 1, MinDwellSeconds = 0 };
        var scheduler = new HistoricalScheduler(Zero);
        var windows = new Subject<WindowEvent>();
        var decisions = new List<MoodDecision>();
        using var _ = windows.Debounce(options, scheduler)
            .DecideMoods(e => moods.GetValueOrDefault(e), options, scheduler)
            .Subscribe(decisions.Add);

        Push(scheduler, windows, Windows.Speech(3, "happy", 0.9f));
        moods["happy"] = "energetic";
        Push(scheduler, windows, Windows.Speech(4, "happy", 0.9f));

        decisions.Select(d => d.Mood).ShouldBe(new[] { "upbeat", "energetic" });
    }

    [Fact]
    public void A_challenger_in_its_hold_is_exposed_with_the_hold_time_it_still_needs()
    {
        var options = new DebounceOptions { HoldSeconds = 2, EvidenceWeight = 1, ChangeRatePerSecond = 1 };
        var (states, _) = Run(Enumerable.Range(3, 4).Select(t => Windows.Speech(t, "sad", 0.9f)), options);

        states.Select(s => (s.Challenger, s.HoldRemaining.TotalSeconds)).ShouldBe([("sad", 2.0), ("sad", 1.0), (null, 0.0), (null, 0.0)]);
        states[2].Since.ShouldBe(Zero.AddSeconds(5));
        states[0].Belief.Select(b => b.Key).ShouldBe(Windows.Labels);
        states[0].Belief.Single(b => b.Key == "sad").Value.ShouldBe(0.9f, 1e-4f);
    }

    [Fact]
    public void The_mood_decision_tells_what_it_holds_back_for_the_hold_and_for_the_dwell()
    {
        var options = new DebounceOptions { HoldSeconds = 2, EvidenceWeight = 1, ChangeRatePerSecond = 1, MinDwellSeconds = 10 };
        var scheduler = new HistoricalScheduler(Zero);
        var windows = new Subject<WindowEvent>();
        var steps = new List<MoodStep>();
        using var _ = windows.Debounce(options, scheduler).DecideMoodSteps(e => Moods.GetValueOrDefault(e), options, scheduler).Subscribe(steps.Add);

        foreach (var t in Enumerable.Range(3, 3))
        {
            Push(scheduler, windows, Windows.Speech(t, "happy", 0.9f)); // accepted at 5 s: upbeat starts, dwell until 15 s
        }

        foreach (var t in Enumerable.Range(8, 6))
        {
            Push(scheduler, windows, Windows.Speech(t, "sad", 0.9f)); // in its hold at 8 and 9 s, accepted at 10 s
        }

        steps[0].Pending.ShouldBe(new Pipeline.State.PendingChange("happy", "upbeat", 2, 0));
        steps[2].Decision!.Mood.ShouldBe("upbeat");
        steps[2].Pending.ShouldBeNull();
        steps[3].Pending.ShouldBe(new Pipeline.State.PendingChange("sad", "comforting", 2, 7)); // 8 s: hold 2 s, dwell 7 s
        steps[5].Pending.ShouldBe(new Pipeline.State.PendingChange("sad", "comforting", 0, 5)); // 10 s: accepted, dwell 5 s
        steps[^1].Pending.ShouldBe(new Pipeline.State.PendingChange("sad", "comforting", 0, 2));
        steps.Where(s => s.Decision is not null).Select(s => s.Decision!.Mood).ShouldBe(["upbeat"]);
    }

    [Theory]
    [InlineData(false, 15)]
    [InlineData(true, 22)]
    public void Music_the_user_picks_restarts_the_dwell_so_a_change_the_voice_asks_for_waits_for_it(bool picked, int changeAt)
    {
        var options = new DebounceOptions { HoldSeconds = 2, EvidenceWeight = 1, ChangeRatePerSecond = 1, MinDwellSeconds = 10 };
        var scheduler = new HistoricalScheduler(Zero);
        var windows = new Subject<WindowEvent>();
        var picks = new Subject<DateTimeOffset>();
        var steps = new List<MoodStep>();
        using var _ = windows.Debounce(options, scheduler)
            .DecideMoodSteps(e => Moods.GetValueOrDefault(e), options, scheduler, picks).Subscribe(steps.Add);

        foreach (var t in Enumerable.Range(3, 3))
        {
            Push(scheduler, windows, Windows.Speech(t, "happy", 0.9f)); // upbeat at 5 s: its dwell ends at 15 s
        }

        foreach (var t in Enumerable.Range(8, 18))
        {
            if (t == 12 && picked)
            {
                picks.OnNext(Zero.AddSeconds(11.5)); // the user starts music of their own between two windows
            }

            Push(scheduler, windows, Windows.Speech(t, "sad", 0.9f)); // sad accepted at 10 s: comforting waits for the dwell
        }

        var decisions = steps.Where(s => s.Decision is not null).Select(s => s.Decision!).ToList();
        decisions.Select(d => (d.Mood, d.Time)).ShouldBe([("upbeat", Zero.AddSeconds(5)), ("comforting", Zero.AddSeconds(changeAt))]);
        steps.Single(s => s.State.Time == Zero.AddSeconds(13)).Pending!.DwellRemainingSeconds.ShouldBe(picked ? 8.5 : 2);
    }

    [Fact]
    public void Invalid_options_are_rejected_with_the_setting_named()
    {
        var e = Should.Throw<ArgumentException>(() =>
            Observable.Empty<WindowEvent>().Debounce(new DebounceOptions { Threshold = 1.5 }, new HistoricalScheduler()));
        e.Message.ShouldContain("Threshold");
    }

    private static WindowEvent Scores(double t, params (string Label, float P)[] scores) =>
        new(t, true, 1f, scores.MaxBy(s => s.P).Label, scores.Max(s => s.P),
            Windows.Labels.Select(l => new KeyValuePair<string, float>(l, scores.Single(s => s.Label == l).P)).ToArray(), 1, -20);

    private static void Push(HistoricalScheduler scheduler, Subject<WindowEvent> windows, WindowEvent e)
    {
        scheduler.AdvanceTo(Zero.AddSeconds(e.T));
        windows.OnNext(e);
    }

    private static (List<EmotionState> States, List<MoodDecision> Decisions) Run(
        IEnumerable<WindowEvent> input, DebounceOptions options, Func<string, string?>? moodFor = null)
    {
        var scheduler = new HistoricalScheduler(Zero);
        var windows = new Subject<WindowEvent>();
        var states = new List<EmotionState>();
        var decisions = new List<MoodDecision>();
        var debounced = windows.Debounce(options, scheduler).Publish();
        using var s1 = debounced.Subscribe(states.Add);
        using var s2 = debounced.DecideMoods(moodFor ?? (e => Moods.GetValueOrDefault(e)), options, scheduler).Subscribe(decisions.Add);
        using var connection = debounced.Connect();
        foreach (var e in input)
        {
            scheduler.ScheduleAbsolute(Zero.AddSeconds(e.T), () => windows.OnNext(e));
        }

        scheduler.Start();
        return (states, decisions);
    }
}
