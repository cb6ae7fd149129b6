using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Linq;
using OrpheusLive.Core.Pipeline.State;

namespace OrpheusLive.Core.Debouncing;

/// <summary>
/// Decides when the music changes: when the stable emotion maps to a mood other than the one playing, and the
/// current music has played for at least the minimum dwell (music the user picked counts too). A change wanted during
/// the dwell waits until a later speech window still wants it, so silence never changes the music and the music never
/// flaps.
/// </summary>
public static class MoodDecider
{
    /// <summary>
    /// Emits a <see cref="MoodDecision"/> whenever the music should change. <paramref name="moodFor"/> maps an
    /// emotion to its mood (null when unmapped) and is called on every state, so mapping edits apply without a restart.
    /// </summary>
    /// <param name="states">The debounced emotion states.</param>
    /// <param name="moodFor">The emotion → mood mapping.</param>
    /// <param name="options">The dwell (<see cref="DebounceOptions.MinDwellSeconds"/>).</param>
    /// <param name="scheduler">The clock the dwell is measured on.</param>
    /// <param name="userPicks">When the user started music of their own choosing (see <see cref="DecideMoodSteps"/>).</param>
    public static IObservable<MoodDecision> DecideMoods(
        this IObservable<EmotionState> states, Func<string, string?> moodFor, DebounceOptions options, IScheduler scheduler,
        IObservable<DateTimeOffset>? userPicks = null) =>
        states.DecideMoodSteps(moodFor, options, scheduler, userPicks).Where(s => s.Decision is not null).Select(s => s.Decision!);

    /// <summary>
    /// Emits one <see cref="MoodStep"/> per state: the decision, if any, and the change still held back with the hold
    /// and dwell time it needs (read from <paramref name="scheduler"/>, which is audio time in the live pipeline).
    /// </summary>
    /// <param name="states">The debounced emotion states.</param>
    /// <param name="moodFor">The emotion → mood mapping.</param>
    /// <param name="options">The dwell (<see cref="DebounceOptions.MinDwellSeconds"/>).</param>
    /// <param name="scheduler">The clock the dwell is measured on.</param>
    /// <param name="userPicks">
    /// The times (on <paramref name="scheduler"/>'s clock; any thread) at which the user started music of their own
    /// choosing. Each restarts the dwell, so the user's pick plays at least as long as a decision's music would before
    /// a change the listener's voice asks for replaces it. The decider still remembers the mood it last chose itself:
    /// the same mood heard on never undoes the user's pick.
    /// </param>
    public static IObservable<MoodStep> DecideMoodSteps(
        this IObservable<EmotionState> states, Func<string, string?> moodFor, DebounceOptions options, IScheduler scheduler,
        IObservable<DateTimeOffset>? userPicks = null)
    {
        ArgumentNullException.ThrowIfNull(states);
        ArgumentNullException.ThrowIfNull(moodFor);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(scheduler);

        return Observable.Create<MoodStep>(observer =>
        {
            var gate = new object();
            string? playing = null;
            DateTimeOffset? changedAt = null; // when the music last changed: a decision or a user's pick
            var dwell = TimeSpan.FromSeconds(options.MinDwellSeconds);
            var picks = userPicks?.Subscribe(t =>
            {
                lock (gate)
                {
                    changedAt = changedAt is { } last && last > t ? last : t;
                }
            });
            var steps = states.Select(state =>
            {
                var now = scheduler.Now;
                var mood = state.Emotion is null ? null : moodFor(state.Emotion);
                TimeSpan dwellLeft;
                bool changes;
                lock (gate) // a pick arriving meanwhile either restarts the dwell before this check or comes after the change
                {
                    dwellLeft = changedAt is { } last ? Max(TimeSpan.Zero, dwell - (now - last)) : TimeSpan.Zero;
                    changes = mood is not null && mood != playing && dwellLeft == TimeSpan.Zero;
                    if (changes)
                    {
                        changedAt = now;
                    }
                }

                if (changes)
                {
                    playing = mood;
                    var decision = new MoodDecision(now, state.Emotion!, mood!, state.Confidence);
                    return new MoodStep(state, decision, Pending(state.Challenger, state.HoldRemaining, moodFor, playing, dwell));
                }

                if (state.Challenger is { } challenger)
                {
                    return new MoodStep(state, null, Pending(challenger, state.HoldRemaining, moodFor, playing, dwellLeft));
                }

                return new MoodStep(state, null, mood is not null && mood != playing
                    ? new PendingChange(state.Emotion!, mood, 0, dwellLeft.TotalSeconds)
                    : null);
            }).Subscribe(observer);
            return picks is null ? steps : new CompositeDisposable(picks, steps);
        });
    }

    // A challenger in its hold: the mood it would bring waits for the dwell too, unless it is the mood already playing.
    private static PendingChange? Pending(string? challenger, TimeSpan hold, Func<string, string?> moodFor, string? playing, TimeSpan dwellLeft)
    {
        if (challenger is null)
        {
            return null;
        }

        var mood = moodFor(challenger);
        var dwell = mood is not null && mood != playing ? dwellLeft : TimeSpan.Zero;
        return new PendingChange(challenger, mood, hold.TotalSeconds, dwell.TotalSeconds);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
