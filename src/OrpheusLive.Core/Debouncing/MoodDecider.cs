using System.Reactive.Concurrency;
using System.Reactive.Linq;
using OrpheusLive.Core.Pipeline.State;

namespace OrpheusLive.Core.Debouncing;

/// <summary>
/// Decides when the music changes: when the stable emotion maps to a mood other than the one playing, and the
/// current mood has played for at least the minimum dwell. A change wanted during the dwell waits until a later
/// speech window still wants it, so silence never changes the music and the music never flaps.
/// </summary>
public static class MoodDecider
{
    /// <summary>
    /// Emits a <see cref="MoodDecision"/> whenever the music should change. <paramref name="moodFor"/> maps an
    /// emotion to its mood (null when unmapped) and is called on every state, so mapping edits apply without a restart.
    /// </summary>
    public static IObservable<MoodDecision> DecideMoods(
        this IObservable<EmotionState> states, Func<string, string?> moodFor, DebounceOptions options, IScheduler scheduler) =>
        states.DecideMoodSteps(moodFor, options, scheduler).Where(s => s.Decision is not null).Select(s => s.Decision!);

    /// <summary>
    /// Emits one <see cref="MoodStep"/> per state: the decision, if any, and the change still held back with the hold
    /// and dwell time it needs (read from <paramref name="scheduler"/>, which is audio time in the live pipeline).
    /// </summary>
    public static IObservable<MoodStep> DecideMoodSteps(
        this IObservable<EmotionState> states, Func<string, string?> moodFor, DebounceOptions options, IScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(states);
        ArgumentNullException.ThrowIfNull(moodFor);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(scheduler);

        return Observable.Defer(() =>
        {
            string? playing = null;
            var changedAt = DateTimeOffset.MinValue;
            var dwell = TimeSpan.FromSeconds(options.MinDwellSeconds);
            return states.Select(state =>
            {
                var now = scheduler.Now;
                var dwellLeft = playing is null ? TimeSpan.Zero : Max(TimeSpan.Zero, dwell - (now - changedAt));
                var mood = state.Emotion is null ? null : moodFor(state.Emotion);
                if (mood is not null && mood != playing && dwellLeft == TimeSpan.Zero)
                {
                    playing = mood;
                    changedAt = now;
                    var decision = new MoodDecision(now, state.Emotion!, mood, state.Confidence);
                    return new MoodStep(state, decision, Pending(state.Challenger, state.HoldRemaining, moodFor, playing, dwell));
                }

                if (state.Challenger is { } challenger)
                {
                    return new MoodStep(state, null, Pending(challenger, state.HoldRemaining, moodFor, playing, dwellLeft));
                }

                return new MoodStep(state, null, mood is not null && mood != playing
                    ? new PendingChange(state.Emotion!, mood, 0, dwellLeft.TotalSeconds)
                    : null);
            });
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
