using System.Globalization;
using OrpheusLive.Core.Pipeline;
using OrpheusLive.Core.Pipeline.State;

namespace OrpheusLive.Tui.Dashboard;

/// <summary>
/// Words the pipeline's one <see cref="PipelineState"/> for the dashboard (<see cref="Build"/>). It folds no events
/// itself: everything shown comes from the latest state, plus what only the UI knows (notices answering a key press,
/// problems of the UI's own commands, whether the timeline is shown). Pure C#: no terminal, no clock except the injected
/// one (for notices). Thread-safe: states arrive on pipeline threads while the UI builds.
/// </summary>
public sealed class DashboardViewModel
{
    /// <summary>How many timeline entries are kept (the renderer shows the newest that fit).</summary>
    public const int TimelineCapacity = PipelineState.TimelineCapacity;

    /// <summary>How many recent windows the latency percentiles cover.</summary>
    public const int LatencyWindows = LatencySummary.Capacity;

    /// <summary>Level shown as an empty bar; 0 dBFS is a full one.</summary>
    public const double LevelFloorDbfs = -60;

    /// <summary>How many warnings are shown at most (the newest).</summary>
    public const int MaxWarnings = 3;

    private static readonly TimeSpan DefaultNoticeDuration = TimeSpan.FromSeconds(6);

    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private readonly List<WarningLine> _ownWarnings = [];
    private PipelineState _state = PipelineState.Initial;
    private bool _timelineVisible = true;
    private string? _notice;
    private DateTimeOffset _noticeUntil;
    private long _version;

    /// <summary>Creates the view model of the initial state.</summary>
    /// <param name="time">Clock for notice expiry; the system clock when null.</param>
    public DashboardViewModel(TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Changes whenever something shown changed; the UI re-renders only then (and on resize).</summary>
    public long Version
    {
        get
        {
            lock (_gate)
            {
                return _version;
            }
        }
    }

    /// <summary>Whether the timeline is shown.</summary>
    public bool TimelineVisible
    {
        get
        {
            lock (_gate)
            {
                return _timelineVisible;
            }
        }
    }

    /// <summary>The state shown (the latest applied).</summary>
    public PipelineState State
    {
        get
        {
            lock (_gate)
            {
                return _state;
            }
        }
    }

    /// <summary>Shows <paramref name="state"/> (an older one than shown, by <see cref="PipelineState.Version"/>, is ignored).</summary>
    public void Apply(PipelineState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        lock (_gate)
        {
            if (state.Version < _state.Version || ReferenceEquals(state, _state))
            {
                return;
            }

            _state = state;
            _version++;
        }
    }

    /// <summary>Adds a problem of the dashboard's own commands (a skip the player refused), which is no pipeline warning.</summary>
    public void AddWarning(string message, StatusSeverity severity = StatusSeverity.Warning)
    {
        lock (_gate)
        {
            _ownWarnings.RemoveAll(w => w.Text == message);
            _ownWarnings.Add(new WarningLine(severity, message));
            _version++;
        }
    }

    /// <summary>Shows a short-lived message (the answer to a key press) for <paramref name="duration"/> (6 s by default).</summary>
    public void ShowNotice(string message, TimeSpan? duration = null)
    {
        lock (_gate)
        {
            _notice = message;
            _noticeUntil = _time.GetUtcNow() + (duration ?? DefaultNoticeDuration);
            _version++;
        }
    }

    /// <summary>Expires the notice when its time is up (called every frame, so the screen changes without an event).</summary>
    public void Tick()
    {
        lock (_gate)
        {
            if (_notice is not null && _time.GetUtcNow() >= _noticeUntil)
            {
                _notice = null;
                _version++;
            }
        }
    }

    /// <summary>Shows or hides the timeline; returns whether it is now visible.</summary>
    public bool ToggleTimeline()
    {
        lock (_gate)
        {
            _timelineVisible = !_timelineVisible;
            _version++;
            return _timelineVisible;
        }
    }

    /// <summary>What the screen shows now.</summary>
    public DashboardView Build()
    {
        lock (_gate)
        {
            var s = _state;
            var notice = _notice is not null && _time.GetUtcNow() < _noticeUntil ? _notice : null;
            var dashboardState = StateOf(s.Status);
            return new DashboardView(
                Input: string.IsNullOrEmpty(s.Input) ? "—" : s.Input,
                State: dashboardState,
                StateText: StateText(dashboardState, s.Error),
                BarsCaption: BarsCaption(s),
                Bars: Bars(s.LastSpeechWindow),
                StableEmotion: s.Emotion is { } emotion ? $"{emotion.Label} {Percent(emotion.Confidence)}"
                    : s.LastSpeechWindow is null ? "—" : "listening…",
                Speech: SpeechText(s.LastWindow),
                Mood: s.Mood ?? "—",
                Playing: PlayingText(s),
                Device: DeviceText(s.Playback),
                LevelFraction: LevelFraction(s.LastWindow?.LevelDbfs),
                LevelText: LevelText(s.LastWindow?.LevelDbfs),
                Latency: LatencyText(s.Latency),
                TimelineVisible: _timelineVisible,
                Timeline: [.. s.Timeline.Select(ToLine)],
                Warnings: Warnings(s),
                Notice: notice,
                Keys: Keys(dashboardState));
        }
    }

    /// <summary>Formats audio seconds as m:ss.</summary>
    internal static string Time(double seconds)
    {
        var s = (int)Math.Max(0, Math.Floor(seconds));
        return string.Create(CultureInfo.InvariantCulture, $"{s / 60}:{s % 60:00}");
    }

    /// <summary>Formats a 0..1 value as a whole percentage.</summary>
    internal static string Percent(double fraction) =>
        string.Create(CultureInfo.InvariantCulture, $"{Math.Round(Math.Clamp(double.IsFinite(fraction) ? fraction : 0, 0, 1) * 100):0}%");

    private static DashboardState StateOf(PipelineStatus status) => status switch
    {
        PipelineStatus.Listening => DashboardState.Listening,
        PipelineStatus.Paused => DashboardState.Paused,
        PipelineStatus.Ended => DashboardState.InputEnded,
        PipelineStatus.Failed => DashboardState.Stopped,
        _ => DashboardState.Starting,
    };

    private static string StateText(DashboardState state, string? error) => state switch
    {
        DashboardState.Starting => "starting…",
        DashboardState.Listening => "listening",
        DashboardState.Paused => "paused — press p to resume",
        DashboardState.InputEnded => "input ended — press q to quit",
        DashboardState.Stopped => $"stopped: {error} — press q to quit",
        _ => state.ToString(),
    };

    private static string BarsCaption(PipelineState s)
    {
        if (s.LastWindow is not { } last)
        {
            return "waiting for audio…";
        }

        if (ReferenceEquals(last, s.LastSpeechWindow))
        {
            return $"window at {Time(last.T)}";
        }

        return s.LastSpeechWindow is { } speech ? $"silence — last speech at {Time(speech.T)}" : "silence — no speech yet";
    }

    private static IReadOnlyList<EmotionBar> Bars(WindowEvent? speech) => speech is null
        ? []
        : [.. speech.Scores.Select(s => new EmotionBar(
            s.Key,
            Math.Clamp(float.IsFinite(s.Value) ? s.Value : 0, 0, 1),
            Percent(s.Value),
            string.Equals(s.Key, speech.Emotion, StringComparison.Ordinal)))];

    private static string SpeechText(WindowEvent? window) => window switch
    {
        null => "—",
        { Speech: true } w => $"speech ({Percent(w.SpeechFraction)} of window)",
        _ => "silence",
    };

    private static string PlayingText(PipelineState s)
    {
        if (s.Playback.Playing is not { } playing)
        {
            return s.Timeline.Count > 0 && s.Timeline[^1].Target is null ? "nothing (see warning)" : "nothing yet";
        }

        var what = string.IsNullOrWhiteSpace(playing.Title) ? playing.Target : playing.Title;
        return playing.IsPaused ? $"{what} (paused)" : what;
    }

    private static string DeviceText(PlaybackState playback)
    {
        var player = playback.Player.Length == 0 ? "no" : playback.Player;
        var device = playback.Playing?.Device ?? playback.Device;
        return string.IsNullOrWhiteSpace(device) || string.Equals(device, playback.Player, StringComparison.OrdinalIgnoreCase)
            ? $"{player} player"
            : $"{device} ({player})";
    }

    private static string LatencyText(LatencySummary latency) => latency.Windows == 0
        ? "—"
        : string.Create(CultureInfo.InvariantCulture, $"p50 {latency.P50Ms:F1} ms  p95 {latency.P95Ms:F1} ms");

    private IReadOnlyList<WarningLine> Warnings(PipelineState s)
    {
        var all = new List<WarningLine>(s.Warnings.Select(w => new WarningLine(w.Severity, w.Message)));
        all.AddRange(_ownWarnings);
        return all.Count <= MaxWarnings ? all : all[^MaxWarnings..];
    }

    private static IReadOnlyList<KeyHint> Keys(DashboardState state) =>
    [
        new("p", state == DashboardState.Paused ? "resume" : "pause"),
        new("n", "skip"),
        new("d", "device"),
        new("m", "mapping"),
        new("t", "timeline"),
        new("q", "quit"),
    ];

    private static TimelineLine ToLine(DecisionEvent d) => new(
        Time(d.T),
        d.Target is { } target ? $"♪ {d.Emotion} → {d.Mood} → {target}" : $"♪ {d.Emotion} → {d.Mood}: {d.Message ?? "nothing started"}",
        TimelineKind.Decision);

    private static double LevelFraction(float? dbfs) =>
        dbfs is { } db && float.IsFinite(db) ? Math.Clamp((db - LevelFloorDbfs) / -LevelFloorDbfs, 0, 1) : 0;

    private static string LevelText(float? dbfs) => dbfs switch
    {
        null => "—",
        { } db when !float.IsFinite(db) || db <= -100 => "silent",
        { } db => string.Create(CultureInfo.InvariantCulture, $"{db:F1} dBFS"),
    };
}
