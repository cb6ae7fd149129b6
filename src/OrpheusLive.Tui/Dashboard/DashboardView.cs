namespace OrpheusLive.Tui.Dashboard;

/// <summary>Everything the dashboard shows at one moment, already worded; the renderer only lays it out.</summary>
/// <param name="Input">Description of the audio input.</param>
/// <param name="State">Where the session is.</param>
/// <param name="StateText">The state in plain words ("listening", "input ended — press q to quit").</param>
/// <param name="BarsCaption">What the bars show ("window at 0:12", "silence — last speech at 0:09").</param>
/// <param name="Bars">Per-emotion probabilities of the latest speech window, in model order; empty before any speech.</param>
/// <param name="StableEmotion">The debounced emotion with its confidence ("happy 82%"), or "—".</param>
/// <param name="Speech">Speech or silence in the latest window ("speech (64%)", "silence").</param>
/// <param name="Mood">The current mood, or "—".</param>
/// <param name="Playing">What is playing ("upbeat-1.wav", "… (paused)"), or "nothing yet".</param>
/// <param name="Device">Where it plays ("Kitchen speaker (spotify)").</param>
/// <param name="LevelFraction">Input level on a 0..1 scale (-60..0 dBFS).</param>
/// <param name="LevelText">The level as text ("-23.4 dBFS", "silent").</param>
/// <param name="Latency">Inference latency percentiles over recent windows ("p50 4.1 ms  p95 6.0 ms").</param>
/// <param name="TimelineVisible">Whether the timeline is shown.</param>
/// <param name="Timeline">Recent emotions, decisions and status messages, oldest first.</param>
/// <param name="Warnings">Active warnings, oldest first.</param>
/// <param name="Notice">A short-lived message answering the user's last key press, or null.</param>
/// <param name="Keys">The keys and what they do now.</param>
public sealed record DashboardView(
    string Input,
    DashboardState State,
    string StateText,
    string BarsCaption,
    IReadOnlyList<EmotionBar> Bars,
    string StableEmotion,
    string Speech,
    string Mood,
    string Playing,
    string Device,
    double LevelFraction,
    string LevelText,
    string Latency,
    bool TimelineVisible,
    IReadOnlyList<TimelineLine> Timeline,
    IReadOnlyList<WarningLine> Warnings,
    string? Notice,
    IReadOnlyList<KeyHint> Keys);
