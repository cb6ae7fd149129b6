using OrpheusLive.Core.Moods;

namespace OrpheusLive.Core.Pipeline.State;

/// <summary>
/// The one place pipeline facts become state: a pure function from the current <see cref="PipelineState"/> and one
/// pipeline event to the next state (no clock, no I/O, no locks), so every front end sees the same truth and tests
/// replay events without running anything.
/// </summary>
public static class PipelineStateReducer
{
    /// <summary>
    /// The state after <paramref name="e"/>. Returns <paramref name="state"/> itself when the event changes nothing
    /// (a pause after the input ended, dismissing a warning that is not shown), so callers can skip publishing it.
    /// </summary>
    /// <remarks>
    /// Rules: windows move audio time and latency (speech windows only: windows without speech skip the model), place the
    /// listener on the valence–arousal plane (speech windows, <see cref="MoodPlane.Default"/>'s emotion points) and count
    /// a held-back change down; <see cref="BeliefChanged"/> sets the stable emotion, belief and pending change; decisions
    /// set the mood (and whether the user chose it) and join the timeline, and one that started music resolves earlier player failures; status events
    /// add, replace (same id) or resolve warnings; <see cref="PipelineStarted"/>, <see cref="ListeningToggled"/> and
    /// <see cref="PipelineStopped"/> move <see cref="PipelineState.Status"/>, which is final once Ended or Failed.
    /// </remarks>
    public static PipelineState Apply(PipelineState state, PipelineEvent e)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(e);
        var next = e switch
        {
            WindowEvent w => Window(state, w),
            BeliefChanged b => state with { T = Math.Max(state.T, b.T), Emotion = b.Emotion, Belief = b.Belief, Pending = b.Pending },
            DecisionEvent d => Decision(state, d),
            StatusEvent s => Status(state, s),
            PlaybackChanged p => state with { Playback = p.Playback },
            PipelineStarted started => state with
            {
                Status = state.Status == PipelineStatus.Paused ? PipelineStatus.Paused : PipelineStatus.Listening,
                Input = started.Input,
                InputIsLive = started.InputIsLive,
                Playback = state.Playback with { Player = started.Player },
                Calibration = started.Calibration ?? state.Calibration,
            },
            ListeningToggled toggle when !IsFinal(state.Status) =>
                state with { Status = toggle.Paused ? PipelineStatus.Paused : Running(state) },
            PipelineStopped stopped when !IsFinal(state.Status) =>
                state with { Status = stopped.Status, Error = stopped.Status == PipelineStatus.Failed ? stopped.Error : null },
            WarningDismissed dismissed when state.Warnings.Any(w => w.Id == dismissed.Id) =>
                state with { Warnings = [.. state.Warnings.Where(w => w.Id != dismissed.Id)] },
            _ => state,
        };
        return ReferenceEquals(next, state) ? state : next with { Version = state.Version + 1 };
    }

    private static bool IsFinal(PipelineStatus status) => status is PipelineStatus.Ended or PipelineStatus.Failed;

    // Resuming before the input was opened goes back to Starting, not Listening.
    private static PipelineStatus Running(PipelineState state) =>
        state.Input.Length == 0 ? PipelineStatus.Starting : PipelineStatus.Listening;

    private static PipelineState Window(PipelineState state, WindowEvent w)
    {
        var elapsed = Math.Max(0, w.T - state.T);
        var speech = w.Speech && w.Scores.Count > 0;
        return state with
        {
            T = Math.Max(state.T, w.T),
            LastWindow = w,
            LastSpeechWindow = speech ? w : state.LastSpeechWindow,
            Affect = speech && w.Affect is { } affect ? affect : state.Affect,
            Latency = speech ? state.Latency.Add(w.LatencyMs) : state.Latency,
            Calibration = w.Calibration ?? state.Calibration,
            Pending = state.Pending is { } pending
                ? pending with
                {
                    HoldRemainingSeconds = Math.Max(0, pending.HoldRemainingSeconds - elapsed),
                    DwellRemainingSeconds = Math.Max(0, pending.DwellRemainingSeconds - elapsed),
                }
                : null,
        };
    }


    private static PipelineState Decision(PipelineState state, DecisionEvent d)
    {
        var timeline = state.Timeline.Count >= PipelineState.TimelineCapacity
            ? [.. state.Timeline.Skip(state.Timeline.Count - PipelineState.TimelineCapacity + 1), d]
            : (IReadOnlyList<DecisionEvent>)[.. state.Timeline, d];
        var warnings = d.Target is null
            ? state.Warnings
            : [.. state.Warnings.Where(w => w.Id is not (WarningIds.PlayerFailed or WarningIds.MoodWithoutMusic))];
        return state with { T = Math.Max(state.T, d.T), Mood = d.Mood, MoodByUser = d.ByUser, Timeline = timeline, Warnings = warnings };
    }

    private static PipelineState Status(PipelineState state, StatusEvent s)
    {
        var warnings = state.Warnings.Where(w => w.Id != s.Resolves && (s.Severity == StatusSeverity.Info || w.Id != s.Id));
        IReadOnlyList<PipelineWarning> next = s.Severity == StatusSeverity.Info
            ? [.. warnings]
            : [.. warnings, new PipelineWarning(s.Id, s.Severity, s.Message, s.T)];
        return state with { T = Math.Max(state.T, s.T), Warnings = next };
    }
}
