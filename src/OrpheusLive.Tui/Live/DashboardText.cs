using System.Globalization;
using OrpheusLive.Core.Pipeline;
using OrpheusLive.Core.Pipeline.State;

namespace OrpheusLive.Tui.Live;

/// <summary>
/// The dashboard's words and numbers, from the one pipeline state: one place for every phrase the screen shows
/// ("listening…", "hold 1.2 s / dwell 6 s left", "p50 8 · p95 12 ms"), so panels only lay them out.
/// </summary>
public static class DashboardText
{
    /// <summary>Shown instead of an emotion while nothing is known yet (never "neutral 0 %").</summary>
    public const string Listening = "listening…";

    /// <summary>Shown for a value that is not known yet.</summary>
    public const string Unknown = "—";

    /// <summary>The level shown as an empty meter; 0 dBFS is a full one.</summary>
    public const double LevelFloorDbfs = -60;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>A 0–1 value as a whole percentage ("62 %").</summary>
    public static string Percent(double fraction) =>
        string.Create(Invariant, $"{Math.Round(Math.Clamp(fraction, 0, 1) * 100):0} %");

    /// <summary>Audio seconds as m:ss ("1:07").</summary>
    public static string Clock(double seconds)
    {
        var whole = (long)Math.Max(0, Math.Floor(seconds));
        return string.Create(Invariant, $"{whole / 60}:{whole % 60:00}");
    }

    /// <summary>A duration in seconds, with one decimal only when it has one ("6 s", "1.2 s").</summary>
    public static string Seconds(double seconds) => string.Create(Invariant, $"{Math.Max(0, seconds):0.#} s");

    /// <summary>The stable emotion and its confidence ("happy 81 %"), or <see cref="Listening"/>.</summary>
    public static string Stable(StableEmotion? emotion) =>
        emotion is null ? Listening : $"{emotion.Label} {Percent(emotion.Confidence)}";

    /// <summary>
    /// Why the music has not changed yet ("happy → upbeat: hold 1.2 s / dwell 6 s left"), or null when nothing waits.
    /// </summary>
    public static string? Pending(PendingChange? pending)
    {
        if (pending is null)
        {
            return null;
        }

        var change = pending.Mood is null ? $"{pending.Emotion} (no mood mapped)" : $"{pending.Emotion} → {pending.Mood}";
        var waits = new List<string>(2);
        if (pending.HoldRemainingSeconds > 0)
        {
            waits.Add($"hold {Seconds(pending.HoldRemainingSeconds)}");
        }

        if (pending.DwellRemainingSeconds > 0)
        {
            waits.Add($"dwell {Seconds(pending.DwellRemainingSeconds)}");
        }

        return waits.Count == 0 ? $"{change}: changing now" : $"{change}: {string.Join(" / ", waits)} left";
    }

    /// <summary>What the last window heard: "speech 93 %", "silence", or <see cref="Unknown"/> before the first window.</summary>
    public static string Heard(WindowEvent? window) =>
        window is null ? Unknown : window.Speech ? $"speech {Percent(window.SpeechFraction)}" : "silence";

    /// <summary>An input level ("-21 dB"), or <see cref="Unknown"/>.</summary>
    public static string Level(WindowEvent? window) =>
        window is null || !float.IsFinite(window.LevelDbfs)
            ? Unknown
            : string.Create(Invariant, $"{Math.Max(LevelFloorDbfs, window.LevelDbfs):0} dB");

    /// <summary>The level as 0–1 of the meter (<see cref="LevelFloorDbfs"/> → 0, 0 dBFS → 1).</summary>
    public static double LevelFraction(WindowEvent? window) =>
        window is null || !float.IsFinite(window.LevelDbfs) ? 0 : Math.Clamp(1 - (window.LevelDbfs / LevelFloorDbfs), 0, 1);

    /// <summary>
    /// How far personal calibration has adapted to the voice ("62 % · 1.5 min · default", "✓ enrolled" when the profile
    /// was enrolled by <c>orpheus calibrate</c>), "off" with <c>Calibration:Mode=off</c>, <see cref="Unknown"/> without it.
    /// </summary>
    public static string Calibration(CalibrationState? calibration) => calibration switch
    {
        null => Unknown,
        { Enabled: false } => "off",
        _ => string.Create(Invariant, $"{calibration.Strength:P0} · {calibration.SpeechWindows * 3 / 60:0.#} min · {calibration.Profile}")
            + (calibration.EnrolledClips > 0 ? " ✓ enrolled" : ""),
    };

    /// <summary>Latency percentiles ("p50 8 · p95 12 ms"), or <see cref="Unknown"/> before the first window.</summary>
    public static string Latency(LatencySummary latency)
    {
        ArgumentNullException.ThrowIfNull(latency);
        return latency.Windows == 0
            ? Unknown
            : string.Create(Invariant, $"p50 {latency.P50Ms:0.#} · p95 {latency.P95Ms:0.#} ms");
    }

    /// <summary>What plays: "▶ title", "‖ title (paused)", or "nothing yet".</summary>
    public static string Playing(PlaybackState playback)
    {
        ArgumentNullException.ThrowIfNull(playback);
        if (playback.Playing is not { } playing)
        {
            return "nothing yet";
        }

        var what = string.IsNullOrWhiteSpace(playing.Title) ? playing.Target : playing.Title;
        return playing.IsPaused ? $"‖ {what} (paused)" : $"▶ {what}";
    }

    /// <summary>Where it plays: "spotify · Kitchen speaker", "local", or <see cref="Unknown"/> before a player is chosen.</summary>
    public static string Where(PlaybackState playback)
    {
        ArgumentNullException.ThrowIfNull(playback);
        var device = playback.Playing?.Device ?? playback.Device;
        return playback.Player.Length == 0 ? Unknown
            : string.IsNullOrWhiteSpace(device) ? playback.Player
            : $"{playback.Player} · {device}";
    }

    /// <summary>
    /// One decision of the timeline ("0:07  happy → upbeat  80 %  spotify:playlist:…", or "✗ why" when nothing started);
    /// a mood the user chose reads "0:09  your pick → chill  library:chill".
    /// </summary>
    public static string Decision(DecisionEvent decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var result = decision.Target is { } target ? target : $"✗ {decision.Message ?? "the player started nothing"}";
        return decision.ByUser
            ? $"{Clock(decision.T)}  {YourPick} → {decision.Mood}  {result}"
            : $"{Clock(decision.T)}  {decision.Emotion} → {decision.Mood}  {Percent(decision.Confidence)}  {result}";
    }

    /// <summary>What marks a mood the user chose ("play this mood now") instead of the listener's voice.</summary>
    public const string YourPick = "your pick";

    /// <summary>The mood line of the music panel: the mood, "(your pick)" when the user chose it, or <see cref="Unknown"/>.</summary>
    public static string Mood(PipelineState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Mood is not { } mood ? Unknown : state.MoodByUser ? $"{mood} ({YourPick})" : mood;
    }

    /// <summary>One warning, with its id (the handle to dismiss it): "⚠ microphone.missing  No microphone — …".</summary>
    public static string Warning(PipelineWarning warning)
    {
        ArgumentNullException.ThrowIfNull(warning);
        var mark = warning.Severity == StatusSeverity.Error ? "✗" : "⚠";
        return $"{mark} {warning.Id}  {warning.Message}";
    }

    /// <summary>The banner's status part, by pipeline status.</summary>
    public static string Status(PipelineState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var input = state.Input.Length == 0 ? "" : $" — {state.Input}";
        return state.Status switch
        {
            PipelineStatus.Starting => $"… Starting{input}",
            PipelineStatus.Listening => $"● Listening{input}",
            PipelineStatus.Paused => "‖ LISTENING PAUSED — p resumes; the music stays as it is",
            PipelineStatus.Ended => $"■ Input ended{input} — q quits",
            PipelineStatus.Failed => $"✗ Stopped: {state.Error ?? "the pipeline failed"} — q quits",
            _ => state.Status.ToString(),
        };
    }
}
