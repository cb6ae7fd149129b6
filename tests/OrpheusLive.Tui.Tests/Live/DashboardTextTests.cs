using OrpheusLive.Core.Pipeline;
using OrpheusLive.Core.Pipeline.State;
using OrpheusLive.Core.Playback;
using OrpheusLive.Tui.Live;
using OrpheusLive.Tui.Tests.Harness;

namespace OrpheusLive.Tui.Tests.Live;

/// <summary>The dashboard's words and numbers.</summary>
public sealed class DashboardTextTests
{
    [Theory]
    [InlineData(1.2, 6, "happy → upbeat: hold 1.2 s / dwell 6 s left")]
    [InlineData(0, 5.5, "happy → upbeat: dwell 5.5 s left")]
    [InlineData(0.04, 0, "happy → upbeat: hold 0 s left")]
    [InlineData(0, 0, "happy → upbeat: changing now")]
    public void A_pending_change_says_what_it_waits_for(double hold, double dwell, string expected) =>
        DashboardText.Pending(new PendingChange("happy", "upbeat", hold, dwell)).ShouldBe(expected);

    [Fact]
    public void A_pending_emotion_without_a_mood_says_so_and_nothing_pending_is_null()
    {
        DashboardText.Pending(new PendingChange("disgust", null, 2, 0)).ShouldBe("disgust (no mood mapped): hold 2 s left");
        DashboardText.Pending(null).ShouldBeNull();
    }

    [Fact]
    public void A_mood_the_user_chose_reads_as_your_pick_in_the_timeline_and_the_mood_line()
    {
        DashboardText.Decision(new DecisionEvent(9, "happy", "chill", 0.8f, "library:chill", "local", null) { ByUser = true })
            .ShouldBe("0:09  your pick → chill  library:chill");
        DashboardText.Decision(new DecisionEvent(9, "happy", "upbeat", 0.8f, "library:upbeat", "local", null))
            .ShouldBe("0:09  happy → upbeat  80 %  library:upbeat");
        var state = PipelineState.Initial with { Mood = "chill", MoodByUser = true };
        DashboardText.Mood(state).ShouldBe("chill (your pick)");
        DashboardText.Mood(state with { MoodByUser = false }).ShouldBe("chill");
        DashboardText.Mood(PipelineState.Initial).ShouldBe(DashboardText.Unknown);
    }

    [Fact]
    public void Nothing_known_is_listening_never_neutral_0_percent()
    {
        DashboardText.Stable(null).ShouldBe("listening…");
        DashboardText.Stable(new StableEmotion("happy", 0.806f, 3)).ShouldBe("happy 81 %");
    }

    [Theory]
    [InlineData(0.0, "0 %")]
    [InlineData(0.004, "0 %")]
    [InlineData(0.995, "100 %")]
    [InlineData(1.7, "100 %")]
    [InlineData(-1, "0 %")]
    public void Percentages_are_whole_and_clamped(double fraction, string expected) => DashboardText.Percent(fraction).ShouldBe(expected);

    [Theory]
    [InlineData(0, "0:00")]
    [InlineData(7.9, "0:07")]
    [InlineData(67, "1:07")]
    [InlineData(3725, "62:05")]
    public void Audio_time_is_minutes_and_seconds(double seconds, string expected) => DashboardText.Clock(seconds).ShouldBe(expected);

    [Fact]
    public void Calibration_shows_how_far_it_adapted_over_how_much_speech_in_which_profile()
    {
        DashboardText.Calibration(null).ShouldBe("—");
        DashboardText.Calibration(new CalibrationState(false, "default", 0, 0, 0, 0, 0)).ShouldBe("off");
        DashboardText.Calibration(new CalibrationState(true, "alice", 1, 30, 0.75, 0, 1)).ShouldBe("75 % · 1.5 min · alice");
        DashboardText.Calibration(new CalibrationState(true, "bob", 0, 4, 0, 10, 0)).ShouldBe("0 % · 0.2 min · bob ✓ enrolled");
    }

    [Fact]
    public void Level_and_latency_are_dashes_before_the_first_window()
    {
        DashboardText.Level(null).ShouldBe("—");
        DashboardText.LevelFraction(null).ShouldBe(0);
        DashboardText.Latency(LatencySummary.Empty).ShouldBe("—");
        DashboardText.Heard(null).ShouldBe("—");
    }

    [Fact]
    public void The_level_meter_runs_from_minus_60_dbfs_to_full_scale()
    {
        DashboardText.LevelFraction(PipelineStates.Silence(1, -90)).ShouldBe(0);
        DashboardText.LevelFraction(PipelineStates.Silence(1, -30)).ShouldBe(0.5, 1e-9);
        DashboardText.LevelFraction(PipelineStates.Silence(1, 0)).ShouldBe(1);
        DashboardText.LevelFraction(PipelineStates.Silence(1, float.NegativeInfinity)).ShouldBe(0);
        DashboardText.Level(PipelineStates.Silence(1, -90)).ShouldBe("-60 dB");
    }

    [Fact]
    public void What_plays_and_where()
    {
        var playing = new PlaybackState("spotify", "Laptop", new NowPlaying("upbeat", "spotify:playlist:x", null, "Kitchen", IsPaused: true));

        DashboardText.Playing(playing).ShouldBe("‖ spotify:playlist:x (paused)");
        DashboardText.Where(playing).ShouldBe("spotify · Kitchen");
        DashboardText.Playing(PlaybackState.None).ShouldBe("nothing yet");
        DashboardText.Where(PlaybackState.None).ShouldBe("—");
        DashboardText.Where(new PlaybackState("console", null, null)).ShouldBe("console");
    }

    [Fact]
    public void Warnings_lead_with_their_mark_and_id()
    {
        DashboardText.Warning(new PipelineWarning("input.failed", StatusSeverity.Error, "The file ended early.", 3)).ShouldBe("✗ input.failed  The file ended early.");
        DashboardText.Warning(new PipelineWarning("mood.no-music", StatusSeverity.Warning, "No music for 'calm'.", 3)).ShouldBe("⚠ mood.no-music  No music for 'calm'.");
    }
}
