using System.Globalization;
using OrpheusLive.Core.Pipeline;
using OrpheusLive.Core.Playback;

namespace OrpheusLive.Tui.Dashboard;

/// <summary>
/// Folds the pipeline's events and snapshots into what the dashboard shows (<see cref="Build"/>). Pure C#: no terminal,
/// no clock except the injected one (for notices). Thread-safe: events arrive on pipeline threads while the UI builds.
/// </summary>
public sealed class DashboardViewModel
{
    /// <summary>How many timeline entries are kept (the renderer shows the newest that fit).</summary>
    public const int TimelineCapacity = 40;

    /// <summary>How many recent windows the latency percentiles cover.</summary>
    public const int LatencyWindows = 50;

    /// <summary>Level shown as an empty bar; 0 dBFS is a full one.</summary>
    public const double LevelFloorDbfs = -60;

    /// <summary>How many warnings are shown at most (the newest).</summary>
    public const int MaxWarnings = 3;

    private static readonly TimeSpan DefaultNoticeDuration = TimeSpan.FromSeconds(6);

    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private readonly string _playerName;
    private readonly LatencyWindow _latency = new(LatencyWindows);
    private readonly List<TimelineEntry> _timeline = [];
    private readonly List<WarningLine> _warnings = [];
    private readonly HashSet<string> _dismissed = new(StringComparer.Ordinal);
    private readonly HashSet<string> _playerFailures = new(StringComparer.Ordinal);
    private LiveSnapshot _snapshot = LiveSnapshot.Empty;
    private NowPlaying? _playing;
    private WindowEvent? _lastWindow;
    private WindowEvent? _lastSpeech;
    private DecisionEvent? _lastDecision;
    private DashboardState _state = DashboardState.Starting;
    private string? _stopReason;
    private bool _timelineVisible = true;
    private string? _notice;
    private DateTimeOffset _noticeUntil;
    private long _version;

    /// <summary>Creates an empty view model.</summary>
    /// <param name="playerName">The active player's name ("console", "spotify"), shown with the device.</param>
    /// <param name="time">Clock for notice expiry; the system clock when null.</param>
    public DashboardViewModel(string playerName, TimeProvider? time = null)
    {
        _playerName = playerName;
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

    /// <summary>Folds one pipeline event in.</summary>
    public void Apply(PipelineEvent pipelineEvent)
    {
        ArgumentNullException.ThrowIfNull(pipelineEvent);
        lock (_gate)
        {
            switch (pipelineEvent)
            {
                case WindowEvent window:
                    ApplyWindow(window);
                    break;
                case DecisionEvent decision:
                    ApplyDecision(decision);
                    break;
                case StatusEvent status:
                    ApplyStatus(status);
                    break;
                default:
                    return;
            }

            _version++;
        }
    }

    /// <summary>
    /// Takes the pipeline's latest state (debounced emotion, mood, warnings reported before the UI subscribed) and the
    /// player's current track (which changes on pause/skip without an event).
    /// </summary>
    public void ApplySnapshot(LiveSnapshot snapshot, NowPlaying? playing)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        lock (_gate)
        {
            if (ReferenceEquals(snapshot, _snapshot) && Equals(playing, _playing))
            {
                return;
            }

            _snapshot = snapshot;
            _playing = playing;
            if (_state == DashboardState.Starting && snapshot.LastWindow is not null)
            {
                _state = DashboardState.Listening;
            }

            _version++;
        }
    }

    /// <summary>Records that the user paused (true) or resumed (false) listening.</summary>
    public void SetPaused(bool paused)
    {
        lock (_gate)
        {
            if (_state is DashboardState.InputEnded or DashboardState.Stopped)
            {
                return;
            }

            _state = paused ? DashboardState.Paused : DashboardState.Listening;
            _version++;
        }
    }

    /// <summary>The file input ended normally: the dashboard says so and waits for the user.</summary>
    public void MarkInputEnded()
    {
        lock (_gate)
        {
            _state = DashboardState.InputEnded;
            _version++;
        }
    }

    /// <summary>The pipeline stopped with an error; <paramref name="reason"/> is shown.</summary>
    public void MarkStopped(string reason)
    {
        lock (_gate)
        {
            _state = DashboardState.Stopped;
            _stopReason = reason;
            AddWarningLocked(StatusSeverity.Error, reason);
            _version++;
        }
    }

    /// <summary>Adds a warning that did not come through the event stream (set-up problems found by the host).</summary>
    public void AddWarning(string message, StatusSeverity severity = StatusSeverity.Warning)
    {
        lock (_gate)
        {
            AddWarningLocked(severity, message);
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
            var now = _time.GetUtcNow();
            var notice = _notice is not null && now < _noticeUntil ? _notice : null;
            return new DashboardView(
                Input: string.IsNullOrEmpty(_snapshot.Input) ? "—" : _snapshot.Input,
                State: _state,
                StateText: StateText(),
                BarsCaption: BarsCaption(),
                Bars: Bars(),
                StableEmotion: _snapshot.Emotion is { } emotion ? $"{emotion} {Percent(_snapshot.Confidence)}" : "—",
                Speech: SpeechText(),
                Mood: _snapshot.Mood ?? _lastDecision?.Mood ?? "—",
                Playing: PlayingText(),
                Device: DeviceText(),
                LevelFraction: LevelFraction(_lastWindow?.LevelDbfs),
                LevelText: LevelText(_lastWindow?.LevelDbfs),
                Latency: LatencyText(),
                TimelineVisible: _timelineVisible,
                Timeline: [.. _timeline.Select(ToLine)],
                Warnings: Warnings(),
                Notice: notice,
                Keys: Keys());
        }
    }

    private void ApplyWindow(WindowEvent window)
    {
        _lastWindow = window;
        if (_state == DashboardState.Starting)
        {
            _state = DashboardState.Listening;
        }

        var speech = window.Speech && window.Scores.Count > 0;
        if (speech)
        {
            _lastSpeech = window;
            _latency.Add(window.LatencyMs);
        }

        var kind = speech ? TimelineKind.Emotion : TimelineKind.Silence;
        var label = speech ? window.Emotion ?? "?" : "silence";
        if (_timeline.Count > 0 && _timeline[^1].Extends(kind, label))
        {
            _timeline[^1] = _timeline[^1].Merge(window.T, window.Confidence);
            return;
        }

        AddTimeline(new TimelineEntry(window.T, window.T, kind, label, 1, window.Confidence));
    }

    private void ApplyDecision(DecisionEvent decision)
    {
        _lastDecision = decision;
        var text = decision.Target is { } target
            ? $"♪ {decision.Emotion} → {decision.Mood} → {target}"
            : $"♪ {decision.Emotion} → {decision.Mood}: {decision.Message ?? "nothing started"}";
        AddTimeline(new TimelineEntry(decision.T, decision.T, TimelineKind.Decision, text, 1, decision.Confidence));
        if (decision.Target is null && decision.Message is { } message)
        {
            _playerFailures.Add(message);
            AddWarningLocked(StatusSeverity.Warning, message);
            return;
        }

        // Music started: earlier playback failures are over; hide them even though the snapshot still lists them.
        foreach (var failure in _playerFailures)
        {
            _warnings.RemoveAll(w => w.Text == failure);
            _dismissed.Add(failure);
        }

        _playerFailures.Clear();
    }

    private void ApplyStatus(StatusEvent status)
    {
        AddTimeline(new TimelineEntry(status.T, status.T, TimelineKind.Status, status.Message, 1, 0));
        if (status.Severity == StatusSeverity.Info)
        {
            if (status.Resolves is { } resolved)
            {
                _warnings.RemoveAll(w => w.Text == resolved);
                _dismissed.Add(resolved); // also hides it if it only reached us through the snapshot
            }

            return;
        }

        AddWarningLocked(status.Severity, status.Message);
    }

    private void AddWarningLocked(StatusSeverity severity, string message)
    {
        _dismissed.Remove(message);
        _warnings.RemoveAll(w => w.Text == message);
        _warnings.Add(new WarningLine(severity, message));
    }

    private void AddTimeline(TimelineEntry entry)
    {
        _timeline.Add(entry);
        if (_timeline.Count > TimelineCapacity)
        {
            _timeline.RemoveAt(0);
        }
    }

    private IReadOnlyList<WarningLine> Warnings()
    {
        // Warnings reported before the UI subscribed only reach it through the snapshot.
        var all = new List<WarningLine>();
        foreach (var text in _snapshot.Warnings)
        {
            if (!_dismissed.Contains(text) && _warnings.All(w => w.Text != text))
            {
                all.Add(new WarningLine(StatusSeverity.Warning, text));
            }
        }

        all.AddRange(_warnings);
        return all.Count <= MaxWarnings ? all : all[^MaxWarnings..];
    }

    private string StateText() => _state switch
    {
        DashboardState.Starting => "starting…",
        DashboardState.Listening => "listening",
        DashboardState.Paused => "paused — press p to resume",
        DashboardState.InputEnded => "input ended — press q to quit",
        DashboardState.Stopped => $"stopped: {_stopReason} — press q to quit",
        _ => _state.ToString(),
    };

    private string BarsCaption()
    {
        if (_lastWindow is null)
        {
            return "waiting for audio…";
        }

        if (ReferenceEquals(_lastWindow, _lastSpeech))
        {
            return $"window at {Time(_lastWindow.T)}";
        }

        return _lastSpeech is null ? "silence — no speech yet" : $"silence — last speech at {Time(_lastSpeech.T)}";
    }

    private IReadOnlyList<EmotionBar> Bars()
    {
        if (_lastSpeech is null)
        {
            return [];
        }

        return [.. _lastSpeech.Scores.Select(s => new EmotionBar(
            s.Key,
            Math.Clamp(float.IsFinite(s.Value) ? s.Value : 0, 0, 1),
            Percent(s.Value),
            string.Equals(s.Key, _lastSpeech.Emotion, StringComparison.Ordinal)))];
    }

    private string SpeechText() => _lastWindow switch
    {
        null => "—",
        { Speech: true } w => $"speech ({Percent(w.SpeechFraction)} of window)",
        _ => "silence",
    };

    private string PlayingText()
    {
        var playing = _playing ?? _snapshot.Playing;
        if (playing is null)
        {
            return _lastDecision is { Target: null } ? "nothing (see warning)" : "nothing yet";
        }

        var what = string.IsNullOrWhiteSpace(playing.Title) ? playing.Target : playing.Title;
        return playing.IsPaused ? $"{what} (paused)" : what;
    }

    private string DeviceText()
    {
        var device = (_playing ?? _snapshot.Playing)?.Device;
        return string.IsNullOrWhiteSpace(device) || string.Equals(device, _playerName, StringComparison.OrdinalIgnoreCase)
            ? $"{_playerName} player"
            : $"{device} ({_playerName})";
    }

    private string LatencyText()
    {
        if (_latency.Count == 0)
        {
            return "—";
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"p50 {_latency.Percentile(0.50):F1} ms  p95 {_latency.Percentile(0.95):F1} ms");
    }

    private IReadOnlyList<KeyHint> Keys() =>
    [
        new("p", _state == DashboardState.Paused ? "resume" : "pause"),
        new("n", "skip"),
        new("d", "device"),
        new("m", "mapping"),
        new("t", "timeline"),
        new("q", "quit"),
    ];

    private static TimelineLine ToLine(TimelineEntry e)
    {
        var time = e.Count > 1 ? $"{Time(e.Start)}-{Time(e.End)}" : Time(e.Start);
        var text = e.Kind switch
        {
            TimelineKind.Emotion when e.Count > 1 => $"{e.Label} ×{e.Count} (avg {Percent(e.ConfidenceSum / e.Count)})",
            TimelineKind.Emotion => $"{e.Label} {Percent(e.ConfidenceSum)}",
            TimelineKind.Silence when e.Count > 1 => $"silence ×{e.Count}",
            _ => e.Label,
        };
        return new TimelineLine(time, text, e.Kind);
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

    private static double LevelFraction(float? dbfs) =>
        dbfs is { } db && float.IsFinite(db) ? Math.Clamp((db - LevelFloorDbfs) / -LevelFloorDbfs, 0, 1) : 0;

    private static string LevelText(float? dbfs) => dbfs switch
    {
        null => "—",
        { } db when !float.IsFinite(db) || db <= -100 => "silent",
        { } db => string.Create(CultureInfo.InvariantCulture, $"{db:F1} dBFS"),
    };
}
